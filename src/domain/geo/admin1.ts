import data from './admin1.json' with { type: 'json' };

/**
 * Admin-1 units of Mali and Burkina Faso with their P-codes, from
 * shared/reference/geo. A region can have a legacy and a post-reform code (and ML09 means
 * Bamako in one vintage and Taoudenit in the other), so each code keeps its vintage.
 */
export interface Admin1Code {
  pcode: string;
  vintage: 'legacy' | 'reform';
  verified: boolean;
}
export interface Admin1Region {
  country: 'ML' | 'BF';
  name: string;
  seat: string | null;
  codes: Admin1Code[];
}

export const ADMIN1: readonly Admin1Region[] = data.regions as Admin1Region[];
export const COUNTRIES = ['ML', 'BF'] as const;
export type Country = (typeof COUNTRIES)[number];

const known = new Set(ADMIN1.flatMap((r) => r.codes.map((c) => c.pcode)));

export function isKnownAdmin1Pcode(pcode: string): boolean {
  return known.has(pcode);
}

export function regionByName(country: Country, name: string): Admin1Region | undefined {
  return ADMIN1.find((r) => r.country === country && r.name === name);
}
