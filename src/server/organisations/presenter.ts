import type { OrganisationType } from '../../domain/organisations/schemas.ts';
import type { OrganisationView } from '../../domain/organisations/schemas.ts';
import type { Country } from '../../domain/geo/admin1.ts';
import type { OrganisationRow } from './queries.ts';

/** Explicit allow-list: a column added to the table does not leave the server by itself. */
export function presentOrganisation(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    type: row.type as OrganisationType,
    country: row.country as Country,
    regionPcodes: row.regionPcodes,
    active: row.active,
  };
}
