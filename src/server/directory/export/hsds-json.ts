import { v5 as uuidv5 } from 'uuid';
import type { ServiceBundle } from '../bundle.ts';
import { type Hsds, hsdsServiceAtLocation, hsdsServiceFull } from '../hsds/presenter.ts';
import type { DirectorySnapshot } from './load.ts';

/**
 * The coordinator's export differs from the public HSDS API in two ways, both carried as
 * HSDS attributes of the Sira profile so that a re-import restores them: members-only
 * services are included (attribute `visibility` = `members`), and so are confidential places
 * with their address (attribute `confidential` = `true` on the location). The public API
 * (`/hsds`) never shows either.
 */
const EXPORT_NAMESPACE = '3e9a6c41-8b2f-4d57-a0c3-51f7e2d98b64';
const attributeId = (key: string) => uuidv5(key, EXPORT_NAMESPACE);

export const VISIBILITY_LINK_TYPE = 'visibility';
export const CONFIDENTIAL_LINK_TYPE = 'confidential';

export function hsdsExportService(b: ServiceBundle, taxonomyKeys: ReadonlyMap<string, string>): Hsds {
  const id = b.service.id;
  const full = hsdsServiceFull(b, taxonomyKeys);
  const places = b.places.map((p) => {
    const sal = hsdsServiceAtLocation(id, p, true);
    const location = sal.location as Hsds & { attributes: Hsds[] };
    if (p.location.confidential) {
      location.attributes.push({ id: attributeId(`location:${p.location.id}:confidential`), link_id: p.location.id, link_entity: 'location', link_type: CONFIDENTIAL_LINK_TYPE, value: 'true' });
    }
    return sal;
  });
  const attributes = [...(full.attributes as Hsds[])];
  if (b.service.visibility === 'members') attributes.push({ id: attributeId(`service:${id}:visibility`), link_id: id, link_entity: 'service', link_type: VISIBILITY_LINK_TYPE, value: 'members' });
  return { ...full, service_at_locations: places, attributes };
}

/** A JSON array of fully nested services, organisations nested in each (what HSDS's /services/{id} returns). */
export function exportHsdsJson(snapshot: DirectorySnapshot): Uint8Array {
  const services = snapshot.bundles.map((b) => hsdsExportService(b, snapshot.taxonomyKeys));
  return new TextEncoder().encode(`${JSON.stringify(services, null, 2)}\n`);
}
