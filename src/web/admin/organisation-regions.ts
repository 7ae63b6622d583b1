import { ADMIN1, type Country } from '../../domain/geo/admin1.ts';

export interface RegionChoice {
  name: string;
  pcode: string;
}

/**
 * The P-code a region is recorded under when chosen: its legacy code unless another region of
 * the same country shares it (ML09 is Bamako's legacy code and Taoudénit's reform code), so
 * that each box stands for one code and a stored code never ticks two regions.
 */
function codeFor(region: (typeof ADMIN1)[number]): string {
  const others = new Set(ADMIN1.filter((r) => r !== region && r.country === region.country).flatMap((r) => r.codes.map((c) => c.pcode)));
  const own = [...region.codes].sort((a, b) => (a.vintage === b.vintage ? 0 : a.vintage === 'legacy' ? -1 : 1));
  return (own.find((c) => !others.has(c.pcode)) ?? own[0])?.pcode ?? '';
}

const CHOICES = new Map<Country, RegionChoice[]>(
  (['ML', 'BF'] as const).map((country) => [
    country,
    ADMIN1.filter((r) => r.country === country)
      .map((r) => ({ name: r.name, pcode: codeFor(r) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  ]),
);

/** The regions offered for a country, by name. */
export function regionChoices(country: string): RegionChoice[] {
  return CHOICES.get(country as Country) ?? [];
}

/**
 * A stored P-code's region name. A code two regions share reads as both names, since the
 * organisation record does not say which vintage was meant; an unknown code reads as itself.
 */
export function regionName(pcode: string, country: string): string {
  const chosen = regionChoices(country).find((c) => c.pcode === pcode);
  const holders = ADMIN1.filter((r) => r.country === country && r.codes.some((c) => c.pcode === pcode)).map((r) => r.name);
  if (chosen && holders.length <= 1) return chosen.name;
  return holders.length > 0 ? holders.join(' / ') : pcode;
}
