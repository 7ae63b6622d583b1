import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * The service directory, shaped after Open Referral HSDS 3.0 so that the HSDS API is a
 * presenter over these rows, not a translation. The HSDS organization is Sira's
 * `organisations` table. Tables are prefixed `directory_` because HSDS's names (contacts,
 * phones, languages…) would collide with later features. Children carry the HSDS link
 * columns (`service_id`, `location_id`) and are replaced as a whole when their service is
 * saved; their ids are derived from the parent's, so they stay stable across saves.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const directoryServices = pgTable(
  'directory_services',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    url: text('url'),
    email: text('email'),
    /** HSDS service.status. */
    status: text('status').notNull().default('active'),
    /** 'public': in the HSDS API and public pages; 'members': signed-in members only (referral-only services). */
    visibility: text('visibility').notNull().default('public'),
    interpretationServices: text('interpretation_services'),
    applicationProcess: text('application_process'),
    feesDescription: text('fees_description'),
    eligibilityDescription: text('eligibility_description'),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    alert: text('alert'),
    /** Accent- and case-free words of the service, its organisation and places (computed in TypeScript: identical on every backend). */
    searchText: text('search_text').notNull().default(''),
    /** The name in the same normal form, for an order that does not depend on the server's collation. */
    sortKey: text('sort_key').notNull().default(''),
    lastVerifiedAt: ts('last_verified_at'),
    lastVerifiedBy: uuid('last_verified_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('directory_services_status_check', sql`${t.status} in ('active','inactive','defunct','temporarily closed')`),
    check('directory_services_visibility_check', sql`${t.visibility} in ('public','members')`),
    check('directory_services_ages_check', sql`${t.minimumAge} is null or ${t.maximumAge} is null or ${t.minimumAge} <= ${t.maximumAge}`),
    index('directory_services_organisation_idx').on(t.organisationId),
    // Words are matched with LIKE '%word%': trigrams let PostgreSQL (and PGlite, same extension) use an index.
    index('directory_services_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('directory_services_sort_idx').on(t.sortKey, t.id),
    index('directory_services_updated_idx').on(t.updatedAt),
  ],
);

export const directoryLocations = pgTable(
  'directory_locations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    locationType: text('location_type').notNull().default('physical'),
    name: text('name'),
    description: text('description'),
    transportation: text('transportation'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    admin1Pcode: text('admin1_pcode'),
    admin2Pcode: text('admin2_pcode'),
    /** A safe house's address must never be published: members see it, the HSDS API and public pages do not. */
    confidential: boolean('confidential').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('directory_locations_type_check', sql`${t.locationType} in ('physical','postal','virtual')`),
    index('directory_locations_organisation_idx').on(t.organisationId),
    index('directory_locations_admin1_idx').on(t.admin1Pcode),
  ],
);

export const directoryServiceAtLocations = pgTable(
  'directory_service_at_locations',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id),
    description: text('description'),
  },
  (t) => [uniqueIndex('directory_sal_service_location_idx').on(t.serviceId, t.locationId), index('directory_sal_location_idx').on(t.locationId)],
);

export const directoryAddresses = pgTable(
  'directory_addresses',
  {
    id: uuid('id').primaryKey(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id),
    attention: text('attention'),
    address1: text('address_1').notNull(),
    address2: text('address_2'),
    city: text('city').notNull(),
    /** HSDS `region`: the admin-2 unit (cercle, province) by name. */
    region: text('region'),
    /** HSDS `state_province`: the admin-1 region by name. */
    stateProvince: text('state_province').notNull(),
    /** Mali and Burkina Faso have no postcodes; HSDS requires the field, so it is usually ''. */
    postalCode: text('postal_code').notNull().default(''),
    country: text('country').notNull(),
    addressType: text('address_type').notNull().default('physical'),
  },
  (t) => [
    check('directory_addresses_type_check', sql`${t.addressType} in ('physical','postal','virtual')`),
    check('directory_addresses_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('directory_addresses_location_idx').on(t.locationId),
  ],
);

export const directoryContacts = pgTable(
  'directory_contacts',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').references(() => directoryServices.id),
    locationId: uuid('location_id').references(() => directoryLocations.id),
    /** A role ("Point focal protection") rather than a person's name, by the directory's guidance. */
    name: text('name'),
    title: text('title'),
    department: text('department'),
    email: text('email'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('directory_contacts_service_idx').on(t.serviceId)],
);

export const directoryPhones = pgTable(
  'directory_phones',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').references(() => directoryServices.id),
    locationId: uuid('location_id').references(() => directoryLocations.id),
    contactId: uuid('contact_id').references(() => directoryContacts.id),
    number: text('number').notNull(),
    extension: integer('extension'),
    /** RFC 6350 TYPE: text, voice, fax, cell, video, pager, textphone. */
    type: text('type'),
    description: text('description'),
    /** ISO 639 codes of the languages spoken on this line. */
    languageCodes: text('language_codes').array().notNull().default(sql`'{}'::text[]`),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('directory_phones_service_idx').on(t.serviceId), index('directory_phones_location_idx').on(t.locationId)],
);

/** A weekly opening (HSDS schedule, freq WEEKLY); times are local, and Mali and Burkina Faso both keep UTC. */
export const directorySchedules = pgTable(
  'directory_schedules',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').references(() => directoryServices.id),
    locationId: uuid('location_id').references(() => directoryLocations.id),
    serviceAtLocationId: uuid('service_at_location_id').references(() => directoryServiceAtLocations.id),
    freq: text('freq').notNull().default('WEEKLY'),
    /** Comma-separated RFC 5545 days ("MO,TU,WE"). */
    byday: text('byday').notNull(),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    description: text('description'),
    notes: text('notes'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    check('directory_schedules_freq_check', sql`${t.freq} in ('WEEKLY','MONTHLY')`),
    check('directory_schedules_times_check', sql`${t.opensAt} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.closesAt} ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    index('directory_schedules_service_idx').on(t.serviceId),
  ],
);

/** A taxonomy: the NRM service types, the target groups, or one a coordinator adds. */
export const directoryTaxonomies = pgTable(
  'directory_taxonomies',
  {
    id: uuid('id').primaryKey(),
    /** Stable key Sira refers to ('nrm_service_types', 'nrm_target_groups'). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** Name and description by language code, for the languages Sira speaks. */
    labels: jsonb('labels').notNull(),
    uri: text('uri'),
    version: text('version'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('directory_taxonomies_key_idx').on(t.key)],
);

export const directoryTaxonomyTerms = pgTable(
  'directory_taxonomy_terms',
  {
    id: uuid('id').primaryKey(),
    taxonomyId: uuid('taxonomy_id')
      .notNull()
      .references(() => directoryTaxonomies.id),
    code: text('code').notNull(),
    parentId: uuid('parent_id'),
    /** French name and description: HSDS carries one language per term; the others are in `labels`. */
    name: text('name').notNull(),
    description: text('description').notNull(),
    labels: jsonb('labels').notNull(),
    termUri: text('term_uri'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('directory_taxonomy_terms_code_idx').on(t.taxonomyId, t.code), index('directory_taxonomy_terms_parent_idx').on(t.parentId)],
);

/** HSDS attribute: a taxonomy term attached to a record (service type, target group…). */
export const directoryAttributes = pgTable(
  'directory_attributes',
  {
    id: uuid('id').primaryKey(),
    linkId: uuid('link_id').notNull(),
    linkEntity: text('link_entity').notNull(),
    linkType: text('link_type').notNull(),
    taxonomyTermId: uuid('taxonomy_term_id')
      .notNull()
      .references(() => directoryTaxonomyTerms.id),
    value: text('value'),
  },
  (t) => [
    uniqueIndex('directory_attributes_link_term_idx').on(t.linkEntity, t.linkId, t.linkType, t.taxonomyTermId),
    index('directory_attributes_term_idx').on(t.taxonomyTermId),
  ],
);

export const directoryCostOptions = pgTable(
  'directory_cost_options',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    /** Sira profile: free, cost_shared or paid (the Burkina Faso mapping's three cases). */
    kind: text('kind').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    currency: text('currency').notNull().default('XOF'),
    amountDescription: text('amount_description'),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    check('directory_cost_options_kind_check', sql`${t.kind} in ('free','cost_shared','paid')`),
    check('directory_cost_options_amount_check', sql`${t.amount} is null or ${t.amount} >= 0`),
    index('directory_cost_options_service_idx').on(t.serviceId),
  ],
);

export const directoryLanguages = pgTable(
  'directory_languages',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id').references(() => directoryServices.id),
    locationId: uuid('location_id').references(() => directoryLocations.id),
    /** ISO 639-1 where there is one (fr, en, ar, ff), else 639-3 (bam is bm; mos, snk, dyu…). */
    code: text('code').notNull(),
    name: text('name'),
    note: text('note'),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('directory_languages_service_idx').on(t.serviceId), index('directory_languages_code_idx').on(t.code)],
);

/** Coverage: an admin-1 or admin-2 unit by P-code (HSDS service_area with the P-code as extent). */
export const directoryServiceAreas = pgTable(
  'directory_service_areas',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    pcode: text('pcode').notNull(),
    adminLevel: smallint('admin_level').notNull(),
    name: text('name'),
    description: text('description'),
  },
  (t) => [
    check('directory_service_areas_level_check', sql`${t.adminLevel} in (1, 2)`),
    uniqueIndex('directory_service_areas_service_pcode_idx').on(t.serviceId, t.pcode),
    index('directory_service_areas_pcode_idx').on(t.pcode),
  ],
);

/** Places available (shelter beds…), shaped after HSDS 3.1's service_capacity. */
export const directoryServiceCapacities = pgTable(
  'directory_service_capacities',
  {
    id: uuid('id').primaryKey(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    unit: text('unit').notNull(),
    available: integer('available').notNull(),
    maximum: integer('maximum'),
    description: text('description'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('directory_service_capacities_counts_check', sql`${t.available} >= 0 and (${t.maximum} is null or ${t.maximum} >= 0)`),
    uniqueIndex('directory_service_capacities_service_unit_idx').on(t.serviceId, t.unit),
  ],
);
