import { and, eq, inArray, or } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { admin1Name, admin1Of, adminLevel } from '../../domain/directory/geo.ts';
import type { ServiceFields } from '../../domain/directory/schemas.ts';
import { LINK_TYPES, type ServiceLinkType, taxonomyId } from '../../domain/directory/taxonomy.ts';
import { searchText, normaliseForSearch } from '../../domain/directory/text.ts';
import { type ErrorDetail, SiraError } from '../../domain/errors/catalogue.ts';
import type { Tx } from '../db/client.ts';
import {
  directoryAddresses,
  directoryAttributes,
  directoryContacts,
  directoryCostOptions,
  directoryLanguages,
  directoryLocations,
  directoryPhones,
  directorySchedules,
  directoryServiceAreas,
  directoryServiceAtLocations,
  directoryServiceCapacities,
  directoryServices,
  directoryTaxonomyTerms,
  organisations,
} from '../db/schema/index.ts';

/** Children's ids derive from their parent's and their place, so a save that changes nothing keeps every id. */
const CHILD_NAMESPACE = '0b8f3c2a-7d61-4e0f-9a55-3c1d2e4f6a78';
export const childId = (parentId: string, kind: string, key: string | number) => uuidv5(`${parentId}:${kind}:${key}`, CHILD_NAMESPACE);

/** Term codes → ids for one taxonomy; an unknown or switched-off code is a validation error on its field. */
async function resolveTerms(tx: Tx, linkType: ServiceLinkType, codes: readonly string[], field: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await tx
    .select({ id: directoryTaxonomyTerms.id, code: directoryTaxonomyTerms.code, active: directoryTaxonomyTerms.active })
    .from(directoryTaxonomyTerms)
    .where(and(eq(directoryTaxonomyTerms.taxonomyId, taxonomyId(LINK_TYPES[linkType])), inArray(directoryTaxonomyTerms.code, [...codes])));
  const byCode = new Map(rows.filter((r) => r.active).map((r) => [r.code, r.id]));
  const unknown: ErrorDetail[] = codes.flatMap((c, i) => (byCode.has(c) ? [] : [{ path: `input.${field}.${i}`, code: 'invalid_value' }]));
  if (unknown.length > 0) throw new SiraError('VALIDATION_FAILED', unknown);
  return [...new Set(codes)].map((c) => byCode.get(c)!);
}

/** Locations named in a save must be new or already the organisation's own. */
async function checkLocationsOwned(tx: Tx, organisationId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx.select({ id: directoryLocations.id, organisationId: directoryLocations.organisationId }).from(directoryLocations).where(inArray(directoryLocations.id, [...ids]));
  const foreign = rows.filter((r) => r.organisationId !== organisationId);
  if (foreign.length > 0) throw new SiraError('VALIDATION_FAILED', foreign.map((r) => ({ path: `input.locations.${ids.indexOf(r.id)}.id`, code: 'invalid_value' })));
}

async function deleteChildren(tx: Tx, serviceId: string): Promise<void> {
  const contactIds = (await tx.select({ id: directoryContacts.id }).from(directoryContacts).where(eq(directoryContacts.serviceId, serviceId))).map((r) => r.id);
  await tx.delete(directoryPhones).where(contactIds.length > 0 ? or(eq(directoryPhones.serviceId, serviceId), inArray(directoryPhones.contactId, contactIds)) : eq(directoryPhones.serviceId, serviceId));
  await tx.delete(directoryContacts).where(eq(directoryContacts.serviceId, serviceId));
  const salIds = (await tx.select({ id: directoryServiceAtLocations.id }).from(directoryServiceAtLocations).where(eq(directoryServiceAtLocations.serviceId, serviceId))).map((r) => r.id);
  await tx.delete(directorySchedules).where(salIds.length > 0 ? or(eq(directorySchedules.serviceId, serviceId), inArray(directorySchedules.serviceAtLocationId, salIds)) : eq(directorySchedules.serviceId, serviceId));
  await tx.delete(directoryServiceAtLocations).where(eq(directoryServiceAtLocations.serviceId, serviceId));
  await tx.delete(directoryCostOptions).where(eq(directoryCostOptions.serviceId, serviceId));
  await tx.delete(directoryLanguages).where(eq(directoryLanguages.serviceId, serviceId));
  await tx.delete(directoryServiceAreas).where(eq(directoryServiceAreas.serviceId, serviceId));
  await tx.delete(directoryAttributes).where(and(eq(directoryAttributes.linkEntity, 'service'), eq(directoryAttributes.linkId, serviceId)));
}

/**
 * Writes a service and everything under it as the input says: the service row is inserted
 * or updated, its lists are replaced, its locations upserted (a location may serve other
 * services of the organisation, so it is never deleted here). Capacity keeps its own
 * update time: it changes only when the figures do.
 */
export async function writeService(tx: Tx, organisationId: string, input: ServiceFields, now: Date, mode: 'create' | 'update'): Promise<void> {
  const serviceTypeIds = await resolveTerms(tx, 'service_type', input.serviceTypes, 'serviceTypes');
  const targetGroupIds = await resolveTerms(tx, 'target_group', input.targetGroups, 'targetGroups');
  await checkLocationsOwned(tx, organisationId, input.locations.map((l) => l.id));
  const [org] = await tx.select({ name: organisations.name, acronym: organisations.acronym }).from(organisations).where(eq(organisations.id, organisationId));
  if (!org) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.organisationId', code: 'invalid_value' }]);

  const id = input.serviceId;
  const row = {
    name: input.name,
    alternateName: input.alternateName ?? null,
    description: input.description ?? null,
    url: input.url ?? null,
    email: input.email ?? null,
    status: input.status,
    visibility: input.visibility,
    interpretationServices: input.interpretationServices ?? null,
    applicationProcess: input.applicationProcess ?? null,
    feesDescription: input.feesDescription ?? null,
    eligibilityDescription: input.eligibilityDescription ?? null,
    minimumAge: input.minimumAge ?? null,
    maximumAge: input.maximumAge ?? null,
    alert: input.alert ?? null,
    searchText: searchText([
      input.name,
      input.alternateName,
      input.description,
      org.name,
      org.acronym,
      ...input.locations.flatMap((l) => [l.name, l.address?.city, l.address?.region, l.admin1Pcode ? admin1Name(l.admin1Pcode) : null]),
      ...input.coverage.map((p) => admin1Name(p)),
    ]),
    sortKey: normaliseForSearch(input.name),
    updatedAt: now,
  };
  if (mode === 'create') {
    await tx.insert(directoryServices).values({ id, organisationId, ...row, createdAt: now });
  } else {
    await tx.update(directoryServices).set(row).where(eq(directoryServices.id, id));
    await deleteChildren(tx, id);
  }

  for (const l of input.locations) {
    const location = {
      organisationId,
      locationType: l.locationType,
      name: l.name ?? null,
      description: l.description ?? null,
      transportation: l.transportation ?? null,
      latitude: l.latitude ?? null,
      longitude: l.longitude ?? null,
      admin1Pcode: l.admin1Pcode ?? (l.admin2Pcode ? admin1Of(l.admin2Pcode) : null),
      admin2Pcode: l.admin2Pcode ?? null,
      confidential: l.confidential,
      updatedAt: now,
    };
    await tx
      .insert(directoryLocations)
      .values({ id: l.id, ...location, createdAt: now })
      .onConflictDoUpdate({ target: directoryLocations.id, set: location });
    await tx.delete(directoryAddresses).where(eq(directoryAddresses.locationId, l.id));
    if (l.address) {
      const stateProvince = (location.admin1Pcode && admin1Name(location.admin1Pcode)) ?? l.address.city;
      await tx.insert(directoryAddresses).values({
        id: childId(l.id, 'address', 0),
        locationId: l.id,
        address1: l.address.address1,
        address2: l.address.address2 ?? null,
        city: l.address.city,
        region: l.address.region ?? null,
        stateProvince,
        postalCode: '',
        country: l.address.country,
      });
    }
    await tx.insert(directoryServiceAtLocations).values({ id: childId(id, 'service_at_location', l.id), serviceId: id, locationId: l.id });
  }

  const attributes = [
    ...serviceTypeIds.map((termId) => ({ termId, linkType: 'service_type' })),
    ...targetGroupIds.map((termId) => ({ termId, linkType: 'target_group' })),
  ].map((a) => ({ id: childId(id, `attribute:${a.linkType}`, a.termId), linkId: id, linkEntity: 'service', linkType: a.linkType, taxonomyTermId: a.termId }));
  if (attributes.length > 0) await tx.insert(directoryAttributes).values(attributes);

  const languages = [...new Set(input.languages)];
  if (languages.length > 0) await tx.insert(directoryLanguages).values(languages.map((code, position) => ({ id: childId(id, 'language', code), serviceId: id, code, position })));
  if (input.costs.length > 0) {
    await tx.insert(directoryCostOptions).values(
      input.costs.map((c, position) => ({
        id: childId(id, 'cost', position),
        serviceId: id,
        kind: c.kind,
        amount: c.kind === 'free' ? null : c.amount == null ? null : String(c.amount),
        currency: 'XOF',
        amountDescription: c.description ?? null,
        position,
      })),
    );
  }
  if (input.phones.length > 0) {
    await tx.insert(directoryPhones).values(
      input.phones.map((p, position) => ({
        id: childId(id, 'phone', position),
        serviceId: id,
        number: p.number,
        extension: p.extension ?? null,
        type: p.type ?? null,
        description: p.description ?? null,
        languageCodes: p.languages,
        position,
      })),
    );
  }
  for (const [position, c] of input.contacts.entries()) {
    const contactId = childId(id, 'contact', position);
    await tx.insert(directoryContacts).values({ id: contactId, serviceId: id, name: c.name ?? null, title: c.title ?? null, department: c.department ?? null, email: c.email ?? null, position });
    if (c.phone) await tx.insert(directoryPhones).values({ id: childId(contactId, 'phone', 0), contactId, number: c.phone });
  }
  if (input.schedules.length > 0) {
    await tx.insert(directorySchedules).values(
      input.schedules.map((s, position) => ({ id: childId(id, 'schedule', position), serviceId: id, byday: [...new Set(s.days)].join(','), opensAt: s.opensAt, closesAt: s.closesAt, notes: s.notes ?? null, position })),
    );
  }
  const coverage = [...new Set(input.coverage)];
  if (coverage.length > 0) {
    await tx.insert(directoryServiceAreas).values(coverage.map((pcode) => ({ id: childId(id, 'area', pcode), serviceId: id, pcode, adminLevel: adminLevel(pcode)!, name: admin1Name(pcode) ?? null })));
  }
  await writeCapacity(tx, id, input.capacity ?? null, now);
}

async function writeCapacity(tx: Tx, serviceId: string, capacity: ServiceFields['capacity'] | null, now: Date): Promise<void> {
  const [current] = await tx.select().from(directoryServiceCapacities).where(eq(directoryServiceCapacities.serviceId, serviceId));
  if (!capacity) {
    if (current) await tx.delete(directoryServiceCapacities).where(eq(directoryServiceCapacities.serviceId, serviceId));
    return;
  }
  const values = { unit: capacity.unit, available: capacity.available, maximum: capacity.maximum ?? null, description: capacity.description ?? null };
  const same = current && current.unit === values.unit && current.available === values.available && current.maximum === values.maximum && current.description === values.description;
  if (same) return;
  if (current) await tx.delete(directoryServiceCapacities).where(eq(directoryServiceCapacities.serviceId, serviceId));
  await tx.insert(directoryServiceCapacities).values({ id: childId(serviceId, 'capacity', values.unit), serviceId, ...values, updatedAt: now });
}
