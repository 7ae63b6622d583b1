import { ADMIN1, isKnownAdmin1Pcode } from '../geo/admin1.ts';

/**
 * Coverage by P-code. Admin-1 codes are checked against src/domain/geo; the admin-2 list
 * (cercles, provinces) is not in the repository yet, so an admin-2 code is accepted when it
 * is a known admin-1 code followed by two digits (ML0401 lies in ML04).
 */
export const ADMIN2_PATTERN = /^(ML|BF)\d{4}$/;

export function adminLevel(pcode: string): 1 | 2 | undefined {
  if (isKnownAdmin1Pcode(pcode)) return 1;
  if (ADMIN2_PATTERN.test(pcode) && isKnownAdmin1Pcode(pcode.slice(0, 4))) return 2;
  return undefined;
}

export function isCoveragePcode(pcode: string): boolean {
  return adminLevel(pcode) !== undefined;
}

/** The admin-1 region of a P-code of either level. */
export function admin1Of(pcode: string): string {
  return pcode.slice(0, 4);
}

/** The region's name, for HSDS `state_province` and service_area `name`. */
export function admin1Name(pcode: string): string | undefined {
  const code = admin1Of(pcode);
  return ADMIN1.find((r) => r.codes.some((c) => c.pcode === code))?.name;
}
