import type { Role } from '../domain/identity/roles.ts';
import type { Locale } from '../domain/i18n/locales.ts';
import type { OrganisationType } from '../domain/organisations/schemas.ts';

/**
 * Fictional partners of a referral mechanism, for demonstrations and training. Every name
 * says "(démo)"; people are first names with an initial; emails are at example.org
 * (reserved, RFC 2606). Regions are real, with legacy P-codes from src/domain/geo.
 */
export interface DemoOrganisation {
  key: string;
  name: string;
  acronym?: string;
  type: OrganisationType;
  country: 'ML' | 'BF';
  regionPcodes: string[];
}

export interface DemoUser {
  key: string;
  organisation: string;
  displayName: string;
  roles: Role[];
  locale: Locale;
}

/** Published on purpose: demo accounts are for demonstrations, never for real data. */
export const DEMO_PASSWORD = 'sira-demo-2024';

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { key: 'ml-social', name: 'Service régional du développement social de Kayes (démo)', acronym: 'SRDS-Kayes', type: 'government', country: 'ML', regionPcodes: ['ML01'] },
  { key: 'ml-shelter', name: "Centre d'accueil Hɛrɛ pour migrants (démo)", type: 'ngo', country: 'ML', regionPcodes: ['ML07', 'ML09'] },
  { key: 'ml-un', name: 'Agence onusienne fictive, bureau de Sikasso (démo)', acronym: 'AOF', type: 'un_international', country: 'ML', regionPcodes: ['ML03'] },
  { key: 'ml-community', name: 'Association des relais communautaires de Gao (démo)', type: 'community_based', country: 'ML', regionPcodes: ['ML07'] },
  { key: 'bf-social', name: "Direction provinciale de l'action sociale du Kadiogo (démo)", acronym: 'DPAS-Kadiogo', type: 'government', country: 'BF', regionPcodes: ['BF13'] },
  { key: 'bf-shelter', name: "Centre d'accueil Laafi (démo)", type: 'ngo', country: 'BF', regionPcodes: ['BF13', 'BF56'] },
  { key: 'bf-un', name: 'Agence onusienne fictive, bureau de Bobo-Dioulasso (démo)', acronym: 'AOF', type: 'un_international', country: 'BF', regionPcodes: ['BF53'] },
  { key: 'bf-community', name: 'Association des relais communautaires de Kaya (démo)', type: 'community_based', country: 'BF', regionPcodes: ['BF49'] },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'ml-coordination', organisation: 'ml-social', displayName: 'Fatoumata D. (démo)', roles: ['nrm_coordinator'], locale: 'fr' },
  { key: 'ml-social-case', organisation: 'ml-social', displayName: 'Moussa K. (démo)', roles: ['case_manager', 'bid_panel_member'], locale: 'fr' },
  { key: 'ml-shelter-admin', organisation: 'ml-shelter', displayName: 'Mariam S. (démo)', roles: ['organisation_admin'], locale: 'fr' },
  { key: 'ml-shelter-case', organisation: 'ml-shelter', displayName: 'Ibrahim T. (démo)', roles: ['case_manager'], locale: 'fr' },
  { key: 'ml-shelter-field', organisation: 'ml-shelter', displayName: 'Kadiatou C. (démo)', roles: ['frontline_identifier'], locale: 'fr' },
  { key: 'ml-un-focal', organisation: 'ml-un', displayName: 'Oumar B. (démo)', roles: ['service_focal_point'], locale: 'fr' },
  { key: 'ml-un-analyst', organisation: 'ml-un', displayName: 'Aminata F. (démo)', roles: ['analyst'], locale: 'en' },
  { key: 'ml-community-relay', organisation: 'ml-community', displayName: 'Seydou M. (démo)', roles: ['frontline_identifier', 'community_engagement_officer'], locale: 'bm' },
  { key: 'bf-coordination', organisation: 'bf-social', displayName: 'Rasmata O. (démo)', roles: ['nrm_coordinator'], locale: 'fr' },
  { key: 'bf-social-case', organisation: 'bf-social', displayName: 'Issouf Z. (démo)', roles: ['case_manager', 'bid_panel_member'], locale: 'fr' },
  { key: 'bf-shelter-admin', organisation: 'bf-shelter', displayName: 'Salimata K. (démo)', roles: ['organisation_admin'], locale: 'fr' },
  { key: 'bf-shelter-case', organisation: 'bf-shelter', displayName: 'Boukary S. (démo)', roles: ['case_manager'], locale: 'fr' },
  { key: 'bf-un-focal', organisation: 'bf-un', displayName: 'Adama T. (démo)', roles: ['service_focal_point'], locale: 'fr' },
  { key: 'bf-un-auditor', organisation: 'bf-un', displayName: 'Pauline Y. (démo)', roles: ['auditor'], locale: 'fr' },
  { key: 'bf-community-relay', organisation: 'bf-community', displayName: 'Habibou D. (démo)', roles: ['frontline_identifier', 'community_engagement_officer'], locale: 'fr' },
];

export function demoEmail(user: DemoUser): string {
  return `demo.${user.key}@example.org`;
}
