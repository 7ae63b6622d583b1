/**
 * The HSDS 3.0 tabular format (schema.csv, datapackage.json) for the tables Sira fills: one
 * CSV per table, columns in the order of HSDS's datapackage, linked by `*_id` columns.
 * `service_capacities.csv` is the Sira profile's extension (HSDS 3.1's service_capacity,
 * flattened: its `unit` object becomes the unit's identifier).
 */
export interface TabularTable {
  name: string;
  path: string;
  fields: readonly string[];
}

const table = (name: string, path: string, fields: readonly string[]): TabularTable => ({ name, path, fields });

export const HSDS_TABLES = [
  table('organization', 'organizations.csv', ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id']),
  table('service', 'services.csv', [
    'id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees',
    'accreditations', 'eligibility_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified',
  ]),
  table('attribute', 'attributes.csv', ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value']),
  table('service_at_location', 'service_at_location.csv', ['id', 'service_id', 'location_id', 'description']),
  table('location', 'locations.csv', ['id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude', 'external_identifier', 'external_identifier_type']),
  table('phone', 'phones.csv', ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description']),
  table('contact', 'contacts.csv', ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email']),
  table('address', 'addresses.csv', ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type']),
  table('schedule', 'schedules.csv', [
    'id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count', 'wkst', 'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday',
    'description', 'opens_at', 'closes_at', 'schedule_link', 'attending_type', 'notes',
  ]),
  table('service_area', 'service_areas.csv', ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri']),
  table('language', 'languages.csv', ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note']),
  table('taxonomy_term', 'taxonomy_terms.csv', ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri']),
  table('cost_option', 'cost_options.csv', ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description']),
  table('taxonomy', 'taxonomies.csv', ['id', 'name', 'description', 'uri', 'version']),
  table('service_capacity', 'service_capacities.csv', ['id', 'service_id', 'unit', 'available', 'maximum', 'description', 'updated']),
] as const;

export type HsdsTableName = (typeof HSDS_TABLES)[number]['name'];
export const tableByPath = (path: string) => HSDS_TABLES.find((t) => t.path === path);
export const tableByName = (name: string) => HSDS_TABLES.find((t) => t.name === name)!;

/** HSDS numbers in the tables; every other column is text. */
export const NUMERIC_FIELDS: Readonly<Record<string, readonly string[]>> = {
  service: ['minimum_age', 'maximum_age'],
  location: ['latitude', 'longitude'],
  phone: ['extension'],
  schedule: ['timezone', 'interval', 'count', 'bymonthday'],
  cost_option: ['amount'],
  service_capacity: ['available', 'maximum'],
};
