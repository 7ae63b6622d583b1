import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/cli/demo-directory.ts';
import { stableId } from '../../src/cli/ids.ts';
import { HSDS_TABLES } from '../../src/domain/directory/hsds-tabular.ts';
import { SERVICE_TYPES, termId } from '../../src/domain/directory/taxonomy.ts';
import { exportDirectory } from '../../src/server/directory/export/export.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory } from './fixture.ts';

const REFERENCE = path.resolve(import.meta.dirname, '../../vendor/hsds-3.0');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const file of fs.readdirSync(REFERENCE).filter((f) => f.endsWith('.json') && !['openapi.json', 'datapackage.json'].includes(f))) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(REFERENCE, file), 'utf8')) as object, file);
}

type Obj = Record<string, unknown> & { id: string };

describe(`directory export on ${BACKEND}`, () => {
  let t: TestApp;
  let coordinator: Session;
  let focal: Session;
  let focalOrganisation: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDirectory(t);
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    const f = await createOrganisationAndUser(t, ['service_focal_point']);
    focalOrganisation = f.organisationId;
    focal = await login(t, f.email);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('writes HSDS JSON that validates against the HSDS 3.0 schemas, confidential places and members-only services marked', async () => {
    const services = JSON.parse(new TextDecoder().decode(await exportDirectory(t.database.db, 'hsds-json'))) as (Obj & { service_at_locations: (Obj & { location: Obj & { attributes: Obj[] } })[]; attributes: Obj[] })[];
    expect(services).toHaveLength(DEMO_SERVICES.length);
    const failures: string[] = [];
    for (const s of services) {
      const validate = ajv.getSchema('service.json')!;
      if (!validate(s)) failures.push(`${s.id}: ${ajv.errorsText(validate.errors)}`);
      const org = ajv.getSchema('organization.json')!;
      if (!org(s.organization)) failures.push(`${s.id} organization: ${ajv.errorsText(org.errors)}`);
      for (const sal of s.service_at_locations) {
        const v = ajv.getSchema('service_at_location.json')!;
        if (!v(sal)) failures.push(`${s.id} sal: ${ajv.errorsText(v.errors)}`);
      }
    }
    expect(failures).toEqual([]);
    const membersOnly = services.filter((s) => s.attributes.some((a) => a.link_type === 'visibility' && a.value === 'members'));
    expect(membersOnly.map((s) => s.name)).toEqual(DEMO_SERVICES.filter((s) => s.membersOnly).map((s) => `${s.name} (démo)`));
    const confidential = services.flatMap((s) => s.service_at_locations).filter((sal) => sal.location.attributes.some((a) => a.link_type === 'confidential'));
    expect(confidential.length).toBe(DEMO_SERVICES.filter((s) => s.confidential).length);
  });

  it('writes HSDS tables in a zip whose columns follow HSDS datapackage.json', async () => {
    const files = unzipSync(await exportDirectory(t.database.db, 'hsds-csv'));
    const reference = JSON.parse(fs.readFileSync(path.join(REFERENCE, 'datapackage.json'), 'utf8')) as { resources: { name: string; path: string; schema: { fields: { name: string }[] } }[] };
    const ours = JSON.parse(strFromU8(files['datapackage.json']!)) as { resources: { path: string; schema: { fields: { name: string }[] } }[] };
    for (const table of HSDS_TABLES) {
      const header = (parse(strFromU8(files[table.path]!), { to_line: 1 }) as string[][])[0];
      expect(header, table.path).toEqual([...table.fields]);
      expect(ours.resources.find((r) => r.path === table.path)?.schema.fields.map((f) => f.name)).toEqual([...table.fields]);
      // Sira's profile extension is the only table HSDS 3.0 does not define.
      const hsds = reference.resources.find((r) => r.path === table.path);
      if (table.name === 'service_capacity') expect(hsds).toBeUndefined();
      else expect(hsds?.schema.fields.map((f) => f.name), table.path).toEqual([...table.fields]);
    }
    const services = parse(strFromU8(files['services.csv']!), { columns: true }) as Obj[];
    expect(services).toHaveLength(DEMO_SERVICES.length);
  });

  it('gives coordinators the whole directory over HTTP, and refuses a focal point', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/directory/export?format=xlsx', headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="annuaire-.*\.xlsx"/);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export?format=hsds-json', headers: { cookie: focal.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export?format=pdf', headers: { cookie: coordinator.cookie } })).statusCode).toBe(400);
  });

  it('lets a focal point import their own organisation’s services only', async () => {
    const service = (organisationId: string, name: string) => {
      const id = uuidv4();
      return { id, organization_id: organisationId, name, status: 'active', attributes: [{ id: uuidv4(), link_id: id, link_entity: 'service', link_type: 'service_type', taxonomy_term_id: termId(SERVICE_TYPES.key, 'food') }] };
    };
    const post = (services: unknown[], extra: object = {}) =>
      t.app.inject({ method: 'POST', url: '/api/directory/import', headers: { cookie: focal.cookie, 'x-csrf-token': focal.csrf }, payload: { file: Buffer.from(JSON.stringify(services)).toString('base64'), fileName: 'a.json', ...extra } });
    const other = await post([service(focalOrganisation, 'Cantine (démo)'), service(stableId(`demo:organisation:${DEMO_SERVICES[0]!.organisation}`), 'Ailleurs (démo)')]);
    expect(other.statusCode).toBe(200);
    expect(other.json()).toMatchObject({ stored: false, problems: [{ sheet: 'a.json', row: 2, column: 'organization_id', code: 'organisationNotAllowed', message: 'Vous ne pouvez pas modifier les services de cette organisation.' }] });
    const mine = await post([service(focalOrganisation, 'Cantine (démo)')]);
    expect(mine.json()).toMatchObject({ format: 'hsds-json', stored: true, problems: [], counts: { created: 1 } });
    expect((await post([], {})).json()).toMatchObject({ stored: false, problems: [{ code: 'empty' }] });
  });
});
