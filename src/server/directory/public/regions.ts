import { ADMIN1, COUNTRIES, type Country } from '../../../domain/geo/admin1.ts';

export interface PublicRegion {
  country: Country;
  name: string;
  /** The code in links (`?region=`): the region's first code below. */
  key: string;
  /** Codes a service or place of this region may carry, legacy first. */
  pcodes: string[];
}

/**
 * Admin-1 regions a person can pick, each with the codes that mean it. A code two regions share
 * (ML09: Bamako's legacy code, Taoudénit's reform code) goes to the region holding it as its
 * legacy code, because entries are recorded with legacy codes (the demo and partners' sheets);
 * a region left with no code of its own (Taoudénit) cannot be told apart and is not offered.
 */
function build(): PublicRegion[] {
  const legacyHolder = new Map<string, string>();
  for (const r of ADMIN1) for (const c of r.codes) if (c.vintage === 'legacy') legacyHolder.set(`${r.country}:${c.pcode}`, r.name);
  const out: PublicRegion[] = [];
  for (const r of ADMIN1) {
    const sorted = [...r.codes].sort((a, b) => (a.vintage === b.vintage ? 0 : a.vintage === 'legacy' ? -1 : 1));
    const pcodes = [...new Set(sorted.map((c) => c.pcode))].filter((p) => (legacyHolder.get(`${r.country}:${p}`) ?? r.name) === r.name);
    if (pcodes[0]) out.push({ country: r.country, name: r.name, key: pcodes[0], pcodes });
  }
  return out.sort((a, b) => COUNTRIES.indexOf(a.country) - COUNTRIES.indexOf(b.country) || a.name.localeCompare(b.name, 'fr'));
}

export const PUBLIC_REGIONS: readonly PublicRegion[] = build();

export function publicRegion(key: string | undefined): PublicRegion | undefined {
  return key ? PUBLIC_REGIONS.find((r) => r.key === key) : undefined;
}
