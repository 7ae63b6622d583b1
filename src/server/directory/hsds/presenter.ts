import { v5 as uuidv5 } from 'uuid';
import { LANGUAGE_NAMES } from '../../../domain/directory/languages.ts';
import type { AttributeRow, LocationRow, PlaceBundle, ServiceBundle, TermRow } from '../bundle.ts';
import type { AddressRow, OrganisationRow, PhoneRow } from '../bundle.ts';

/**
 * Sira's rows as HSDS 3.0 objects (docs/hsds-profile.md). HSDS types its optional fields as
 * plain strings or numbers, so an absent value is left out rather than sent as null.
 * Confidential locations (safe houses) never appear here, nor do members-only services.
 */
export type Hsds = Record<string, unknown>;

const PROFILE_NAMESPACE = '7c1e9a40-2b6d-4f3a-8e15-9d0b4c6a2f71';
const derivedId = (key: string) => uuidv5(key, PROFILE_NAMESPACE);

/** Drops null and undefined members, so every optional field is either a value or absent. */
export function compact(o: Record<string, unknown>): Hsds {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

export function hsdsOrganization(o: OrganisationRow): Hsds {
  return compact({
    id: o.id,
    name: o.name,
    alternate_name: o.acronym,
    // Sira does not keep a description of partners yet; HSDS requires the field.
    description: '',
    attributes: [compact({ id: derivedId(`org-country:${o.id}`), link_id: o.id, link_entity: 'organization', link_type: 'country', value: o.country })],
  });
}

export function hsdsTerm(t: TermRow, taxonomyKey: string): Hsds {
  return compact({ id: t.id, code: t.code, name: t.name, description: t.description, parent_id: t.parentId, taxonomy: taxonomyKey, taxonomy_id: t.taxonomyId, language: 'fr', term_uri: t.termUri });
}

export function hsdsTaxonomy(t: { id: string; name: string; description: string; uri: string | null; version: string | null }): Hsds {
  return compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version });
}

function hsdsAttribute(a: AttributeRow, taxonomyKeys: ReadonlyMap<string, string>): Hsds {
  return compact({
    id: a.id,
    link_id: a.linkId,
    link_entity: a.linkEntity,
    link_type: a.linkType,
    taxonomy_term_id: a.taxonomyTermId,
    value: a.value,
    taxonomy_term: hsdsTerm(a.term, taxonomyKeys.get(a.term.taxonomyId) ?? ''),
  });
}

const pcodeAttribute = (linkId: string, linkEntity: string, linkType: string, pcode: string) =>
  compact({ id: derivedId(`${linkEntity}:${linkId}:${linkType}:${pcode}`), link_id: linkId, link_entity: linkEntity, link_type: linkType, value: pcode });

function hsdsPhone(p: PhoneRow, link: Record<string, string>): Hsds {
  return compact({
    id: p.id,
    ...link,
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: p.description,
    languages: p.languageCodes.map((code) => compact({ id: derivedId(`phone-language:${p.id}:${code}`), phone_id: p.id, code, name: LANGUAGE_NAMES[code] })),
  });
}

function hsdsAddress(a: AddressRow): Hsds {
  return compact({
    id: a.id,
    location_id: a.locationId,
    attention: a.attention,
    address_1: a.address1,
    address_2: a.address2,
    city: a.city,
    region: a.region,
    state_province: a.stateProvince,
    postal_code: a.postalCode,
    country: a.country,
    address_type: a.addressType,
  });
}

export function hsdsLocation(l: LocationRow, addresses: AddressRow[]): Hsds {
  return compact({
    id: l.id,
    location_type: l.locationType,
    organization_id: l.organisationId,
    name: l.name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses: addresses.map(hsdsAddress),
    attributes: [
      ...(l.admin1Pcode ? [pcodeAttribute(l.id, 'location', 'admin1_pcode', l.admin1Pcode)] : []),
      ...(l.admin2Pcode ? [pcodeAttribute(l.id, 'location', 'admin2_pcode', l.admin2Pcode)] : []),
    ],
  });
}

export const publicPlaces = (b: ServiceBundle): PlaceBundle[] => b.places.filter((p) => !p.location.confidential);

export function hsdsServiceAtLocation(serviceId: string, p: PlaceBundle, nested: boolean): Hsds {
  return compact({
    id: p.serviceAtLocationId,
    service_id: serviceId,
    location_id: p.location.id,
    location: nested ? hsdsLocation(p.location, p.addresses) : undefined,
  });
}

/** The one-to-one fields of a service: what a list item carries. */
export function hsdsServiceFlat(b: ServiceBundle): Hsds {
  const s = b.service;
  return compact({
    id: s.id,
    organization_id: s.organisationId,
    name: s.name,
    alternate_name: s.alternateName,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    interpretation_services: s.interpretationServices,
    application_process: s.applicationProcess,
    fees_description: s.feesDescription,
    eligibility_description: s.eligibilityDescription,
    minimum_age: s.minimumAge,
    maximum_age: s.maximumAge,
    alert: s.alert,
    assured_date: s.lastVerifiedAt?.toISOString().slice(0, 10),
    last_modified: s.updatedAt.toISOString(),
  });
}

/** A service fully nested, as GET /services/{id} returns it. */
export function hsdsServiceFull(b: ServiceBundle, taxonomyKeys: ReadonlyMap<string, string>): Hsds {
  const id = b.service.id;
  return {
    ...hsdsServiceFlat(b),
    organization: hsdsOrganization(b.organisation),
    phones: b.phones.map((p) => hsdsPhone(p, { service_id: id })),
    schedules: b.schedules.map((sc) =>
      compact({ id: sc.id, service_id: id, freq: sc.freq, byday: sc.byday, wkst: 'MO', opens_at: sc.opensAt, closes_at: sc.closesAt, timezone: 0, valid_from: sc.validFrom, valid_to: sc.validTo, description: sc.description, notes: sc.notes }),
    ),
    service_areas: b.areas.map((a) =>
      compact({ id: a.id, service_id: id, name: a.name ?? a.pcode, description: a.description, extent: a.pcode, extent_type: 'text', attributes: [pcodeAttribute(a.id, 'service_area', `admin${a.adminLevel}_pcode`, a.pcode)] }),
    ),
    service_at_locations: publicPlaces(b).map((p) => hsdsServiceAtLocation(id, p, true)),
    languages: b.languages.map((l) => compact({ id: l.id, service_id: id, code: l.code, name: l.name ?? LANGUAGE_NAMES[l.code], note: l.note })),
    cost_options: b.costs.map((c) =>
      compact({ id: c.id, service_id: id, option: c.kind, currency: c.currency, amount: c.amount === null ? undefined : Number(c.amount), amount_description: c.amountDescription, valid_from: c.validFrom, valid_to: c.validTo }),
    ),
    contacts: b.contacts.map((c) =>
      compact({ id: c.id, service_id: id, name: c.name, title: c.title, department: c.department, email: c.email, phones: c.phones.map((p) => hsdsPhone(p, { contact_id: c.id })) }),
    ),
    attributes: b.attributes.map((a) => hsdsAttribute(a, taxonomyKeys)),
    // Profile extension, shaped as HSDS 3.1's service_capacity (3.0 has no such object).
    capacities: b.capacity
      ? [
          compact({
            id: b.capacity.id,
            service_id: id,
            unit: { id: derivedId(`unit:${b.capacity.unit}`), name: b.capacity.unit, scheme: 'sira', identifier: b.capacity.unit },
            available: b.capacity.available,
            maximum: b.capacity.maximum,
            description: b.capacity.description,
            updated: b.capacity.updatedAt.toISOString(),
          }),
        ]
      : [],
  };
}

/** HSDS page envelope. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): Hsds {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return { total_items: total, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents };
}
