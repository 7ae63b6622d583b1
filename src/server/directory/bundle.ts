import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
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

export type ServiceRow = typeof directoryServices.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type LocationRow = typeof directoryLocations.$inferSelect;
export type AddressRow = typeof directoryAddresses.$inferSelect;
export type PhoneRow = typeof directoryPhones.$inferSelect;
export type ContactRow = typeof directoryContacts.$inferSelect;
export type ScheduleRow = typeof directorySchedules.$inferSelect;
export type CostRow = typeof directoryCostOptions.$inferSelect;
export type LanguageRow = typeof directoryLanguages.$inferSelect;
export type AreaRow = typeof directoryServiceAreas.$inferSelect;
export type CapacityRow = typeof directoryServiceCapacities.$inferSelect;
export type TermRow = typeof directoryTaxonomyTerms.$inferSelect;
export type AttributeRow = typeof directoryAttributes.$inferSelect & { term: TermRow };

export interface PlaceBundle {
  serviceAtLocationId: string;
  location: LocationRow;
  addresses: AddressRow[];
}

/** A service and everything under it: what a caseworker reads and what HSDS nests. */
export interface ServiceBundle {
  service: ServiceRow;
  organisation: OrganisationRow;
  attributes: AttributeRow[];
  languages: LanguageRow[];
  costs: CostRow[];
  phones: PhoneRow[];
  contacts: (ContactRow & { phones: PhoneRow[] })[];
  schedules: ScheduleRow[];
  areas: AreaRow[];
  places: PlaceBundle[];
  capacity: CapacityRow | null;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Loads whole services in a fixed number of queries, whatever their number; the order of `ids` is kept. */
export async function loadServiceBundles(db: DbOrTx, ids: readonly string[]): Promise<ServiceBundle[]> {
  if (ids.length === 0) return [];
  const list = [...ids];
  // Two waves of independent queries: on PostgreSQL they run side by side on the pool (a
  // caseworker on 2G waits for the slowest, not the sum); PGlite and a transaction queue them.
  const [services, attributes, languages, costs, phones, contacts, schedules, areas, links, capacities] = await Promise.all([
    db.select().from(directoryServices).where(inArray(directoryServices.id, list)),
    db
      .select({ attribute: directoryAttributes, term: directoryTaxonomyTerms })
      .from(directoryAttributes)
      .innerJoin(directoryTaxonomyTerms, eq(directoryTaxonomyTerms.id, directoryAttributes.taxonomyTermId))
      .where(and(eq(directoryAttributes.linkEntity, 'service'), inArray(directoryAttributes.linkId, list)))
      .orderBy(asc(directoryAttributes.linkType), asc(directoryTaxonomyTerms.position), asc(directoryAttributes.id)),
    db.select().from(directoryLanguages).where(inArray(directoryLanguages.serviceId, list)).orderBy(asc(directoryLanguages.position)),
    db.select().from(directoryCostOptions).where(inArray(directoryCostOptions.serviceId, list)).orderBy(asc(directoryCostOptions.position)),
    db.select().from(directoryPhones).where(inArray(directoryPhones.serviceId, list)).orderBy(asc(directoryPhones.position)),
    db.select().from(directoryContacts).where(inArray(directoryContacts.serviceId, list)).orderBy(asc(directoryContacts.position)),
    db.select().from(directorySchedules).where(inArray(directorySchedules.serviceId, list)).orderBy(asc(directorySchedules.position)),
    db.select().from(directoryServiceAreas).where(inArray(directoryServiceAreas.serviceId, list)).orderBy(asc(directoryServiceAreas.pcode)),
    db.select().from(directoryServiceAtLocations).where(inArray(directoryServiceAtLocations.serviceId, list)).orderBy(asc(directoryServiceAtLocations.id)),
    db.select().from(directoryServiceCapacities).where(inArray(directoryServiceCapacities.serviceId, list)),
  ]);
  if (services.length === 0) return [];
  const locationIds = [...new Set(links.map((l) => l.locationId))];
  const [orgs, contactPhones, locations, addresses] = await Promise.all([
    db.select().from(organisations).where(inArray(organisations.id, [...new Set(services.map((s) => s.organisationId))])),
    contacts.length ? db.select().from(directoryPhones).where(inArray(directoryPhones.contactId, contacts.map((c) => c.id))) : [],
    locationIds.length ? db.select().from(directoryLocations).where(inArray(directoryLocations.id, locationIds)) : [],
    locationIds.length ? db.select().from(directoryAddresses).where(inArray(directoryAddresses.locationId, locationIds)) : [],
  ]);

  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const attributesBy = groupBy(
    attributes.map((a) => ({ ...a.attribute, term: a.term })),
    (a) => a.linkId,
  );
  const languagesBy = groupBy(languages, (r) => r.serviceId);
  const costsBy = groupBy(costs, (r) => r.serviceId);
  const phonesBy = groupBy(phones, (r) => r.serviceId);
  const contactPhonesBy = groupBy(contactPhones, (r) => r.contactId);
  const contactsBy = groupBy(
    contacts.map((c) => ({ ...c, phones: contactPhonesBy.get(c.id) ?? [] })),
    (r) => r.serviceId,
  );
  const schedulesBy = groupBy(schedules, (r) => r.serviceId);
  const areasBy = groupBy(areas, (r) => r.serviceId);
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const addressesBy = groupBy(addresses, (r) => r.locationId);
  const linksBy = groupBy(links, (r) => r.serviceId);
  const capacityBy = new Map(capacities.map((c) => [c.serviceId, c]));
  const byId = new Map(services.map((s) => [s.id, s]));

  return list.flatMap((id) => {
    const service = byId.get(id);
    if (!service) return [];
    return [
      {
        service,
        organisation: orgById.get(service.organisationId)!,
        attributes: attributesBy.get(id) ?? [],
        languages: languagesBy.get(id) ?? [],
        costs: costsBy.get(id) ?? [],
        phones: phonesBy.get(id) ?? [],
        contacts: contactsBy.get(id) ?? [],
        schedules: schedulesBy.get(id) ?? [],
        areas: areasBy.get(id) ?? [],
        places: (linksBy.get(id) ?? []).flatMap((link) => {
          const location = locationById.get(link.locationId);
          return location ? [{ serviceAtLocationId: link.id, location, addresses: addressesBy.get(location.id) ?? [] }] : [];
        }),
        capacity: capacityBy.get(id) ?? null,
      },
    ];
  });
}
