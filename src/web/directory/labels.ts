import { useQuery } from '@tanstack/preact-query';
import { admin1Name } from '../../domain/directory/geo.ts';
import { LANGUAGE_NAMES } from '../../domain/directory/languages.ts';
import { ADMIN1, type Country } from '../../domain/geo/admin1.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { IconName } from '../ui/icons.tsx';
import { SERVICE_CATEGORIES } from '../ui/pictograms.ts';
import { TAXONOMY_STALE_MS, type TaxonomyView, directoryKeys, listTaxonomies } from './directory-api.ts';

/**
 * Names of what the directory API sends as codes: service types and target groups (from the
 * taxonomies, in the reader's language), regions (admin-1 names), languages (each in itself).
 */

/** The pictogram of a service type, as the NRM taxonomy assigns it (src/domain/directory/taxonomy.ts). */
const TYPE_PICTOGRAMS: Readonly<Record<string, keyof typeof SERVICE_CATEGORIES>> = {
  food: 'food',
  medical: 'health',
  psychosocial: 'psychosocial',
  shelter: 'shelter',
  family_tracing: 'familyTracing',
  voluntary_return: 'return',
  reintegration: 'reintegration',
  reintegration_economic: 'reintegration',
  reintegration_social: 'reintegration',
  reintegration_psychosocial: 'reintegration',
  legal_aid: 'legal',
  education: 'education',
  child_protection: 'childProtection',
  best_interests_procedure: 'childProtection',
  transport: 'transport',
  interpretation: 'interpretation',
};

export function typeIcon(code: string): IconName | undefined {
  const category = TYPE_PICTOGRAMS[code];
  return category ? SERVICE_CATEGORIES[category].icon : undefined;
}

export interface TermChoice {
  code: string;
  label: string;
  parentCode: string | null;
}

export interface Vocabulary {
  serviceTypes: TermChoice[];
  targetGroups: TermChoice[];
  /** A term's name in the reader's language, or its code while the taxonomies load. */
  term(code: string): string;
}

function choices(taxonomy: TaxonomyView | undefined, locale: Locale): TermChoice[] {
  return (taxonomy?.terms ?? []).filter((t) => t.active).map((t) => ({ code: t.code, label: t.name[locale], parentCode: t.parentCode }));
}

/** The service types and target groups, fetched once and kept: they change when a coordinator edits a term. */
export function useVocabulary(): Vocabulary & { isPending: boolean; isError: boolean } {
  const { locale } = useI18n();
  const query = useQuery({ queryKey: directoryKeys.taxonomies, queryFn: () => listTaxonomies(locale), staleTime: TAXONOMY_STALE_MS });
  const items = query.data?.items ?? [];
  const names = new Map(items.flatMap((x) => x.terms.map((t) => [t.code, t.name[locale]] as const)));
  return {
    serviceTypes: choices(
      items.find((x) => x.key === 'nrm_service_types'),
      locale,
    ),
    targetGroups: choices(
      items.find((x) => x.key === 'nrm_target_groups'),
      locale,
    ),
    term: (code) => names.get(code) ?? code,
    isPending: query.isPending,
    isError: query.isError,
  };
}

export interface RegionChoice {
  pcode: string;
  name: string;
  country: Country;
}

/**
 * One code per region, the one the server names that region with (src/domain/directory/geo.ts):
 * the legacy code first, as partners' mapping sheets use it. ML09 is Bamako's legacy code
 * and Taoudénit's reform code; the server reads it as Bamako, so Taoudénit has no code of
 * its own in the directory until the data says which vintage it uses.
 */
export const DIRECTORY_REGIONS: readonly RegionChoice[] = ADMIN1.flatMap((region) => {
  const codes = [...region.codes].sort((a, b) => (a.vintage === b.vintage ? 0 : a.vintage === 'legacy' ? -1 : 1));
  const code = codes.find((c) => admin1Name(c.pcode) === region.name);
  return code ? [{ pcode: code.pcode, name: region.name, country: region.country }] : [];
}).sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name, 'fr'));

export const regionsOf = (country: Country) => DIRECTORY_REGIONS.filter((r) => r.country === country);

/** A coverage P-code as people say it: the region's name, with the unit's code for an admin-2 area. */
export function regionLabel(pcode: string): string {
  const name = admin1Name(pcode);
  if (!name) return pcode;
  return pcode.length > 4 ? `${name} (${pcode})` : name;
}

/** A number as a dialler wants it: digits and a leading plus only. */
export const telHref = (number: string) => `tel:${number.replace(/[^+0-9]/g, '')}`;

/** A language in its own name (the glossary's convention), or its code when Sira does not know it. */
export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;
export const LANGUAGE_CODES = Object.keys(LANGUAGE_NAMES);
