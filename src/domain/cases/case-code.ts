import { ADMIN1, type Admin1Region } from '../geo/admin1.ts';

/**
 * The pseudonymous case code a person's file is known by on paper, on the phone and in
 * referrals: `ML-KAY-2026-000123-7` = country, region, year of registration, sequence within
 * that region and year, check digit. It says where and when, never who.
 *
 * The check digit is Damm's algorithm over the code's characters (letters as their two-digit
 * base-36 value): it catches every single wrong character and every swap of two neighbouring
 * digits, the usual slips when a code is read out over a bad line or copied from a paper form.
 */

/** Three letters per region, unique within a country (Koulikoro and Koutiala both start with "KOU"). */
const REGION_ABBREVIATIONS: Record<string, string> = {
  'ML:Bamako': 'BKO',
  'ML:Kayes': 'KAY',
  'ML:Koulikoro': 'KLK',
  'ML:Sikasso': 'SIK',
  'ML:Ségou': 'SEG',
  'ML:Mopti': 'MOP',
  'ML:Tombouctou': 'TBT',
  'ML:Gao': 'GAO',
  'ML:Kidal': 'KID',
  'ML:Taoudénit': 'TAO',
  'ML:Ménaka': 'MEN',
  'ML:Nioro': 'NIO',
  'ML:Kita': 'KIT',
  'ML:Dioïla': 'DIO',
  'ML:Nara': 'NAR',
  'ML:Bougouni': 'BGN',
  'ML:Koutiala': 'KTL',
  'ML:San': 'SAN',
  'ML:Douentza': 'DTZ',
  'ML:Bandiagara': 'BDG',
  'BF:Bankui': 'BKU',
  'BF:Sourou': 'SOR',
  'BF:Tannounyan': 'TAN',
  'BF:Kadiogo': 'KAD',
  'BF:Nakambé': 'NAK',
  'BF:Kuilsé': 'KUI',
  'BF:Nando': 'NDO',
  'BF:Nazinon': 'NAZ',
  'BF:Goulmou': 'GLM',
  'BF:Sirba': 'SIR',
  'BF:Tapoa': 'TAP',
  'BF:Guiriko': 'GRK',
  'BF:Yaadga': 'YAA',
  'BF:Oubri': 'OUB',
  'BF:Liptako': 'LIP',
  'BF:Soum': 'SOU',
  'BF:Djôrô': 'DJO',
};

/**
 * The region a new case is registered in, by its post-reform P-code: ML09 is Bamako in the
 * legacy vintage and Taoudénit after the reform, so new records take the current vintage only.
 */
export function regionForCase(pcode: string): (Admin1Region & { abbreviation: string }) | undefined {
  const region = ADMIN1.find((r) => r.codes.some((c) => c.pcode === pcode && c.vintage === 'reform'));
  if (!region) return undefined;
  const abbreviation = REGION_ABBREVIATIONS[`${region.country}:${region.name}`];
  return abbreviation ? { ...region, abbreviation } : undefined;
}

/** Every region a case may be registered in, with its current P-code. */
export function caseRegions(): { country: 'ML' | 'BF'; name: string; pcode: string; abbreviation: string }[] {
  return ADMIN1.flatMap((r) => {
    const code = r.codes.find((c) => c.vintage === 'reform');
    const abbreviation = REGION_ABBREVIATIONS[`${r.country}:${r.name}`];
    return code && abbreviation ? [{ country: r.country, name: r.name, pcode: code.pcode, abbreviation }] : [];
  });
}

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

function dammDigits(body: string): number[] {
  const digits: number[] = [];
  for (const ch of body) {
    if (ch >= '0' && ch <= '9') digits.push(Number(ch));
    else if (ch >= 'A' && ch <= 'Z') {
      const v = ch.charCodeAt(0) - 55; // A = 10 … Z = 35
      digits.push(Math.floor(v / 10), v % 10);
    }
  }
  return digits;
}

export function checkDigit(body: string): number {
  let interim = 0;
  for (const d of dammDigits(body)) interim = DAMM[interim]![d]!;
  return interim;
}

export const SEQUENCE_DIGITS = 6;

export function formatCaseCode(parts: { country: string; region: string; year: number; sequence: number }): string {
  const body = `${parts.country}-${parts.region}-${parts.year}-${String(parts.sequence).padStart(SEQUENCE_DIGITS, '0')}`;
  return `${body}-${checkDigit(body)}`;
}

/** The counter a code's sequence comes from: one per country, region and year. */
export function caseCodePrefix(parts: { country: string; region: string; year: number }): string {
  return `${parts.country}-${parts.region}-${parts.year}`;
}

const CODE = /^([A-Z]{2})-([A-Z]{3})-(\d{4})-(\d{6,})-(\d)$/;

const KNOWN_PREFIXES = new Set(Object.entries(REGION_ABBREVIATIONS).map(([key, abbreviation]) => `${key.slice(0, 2)}-${abbreviation}`));

/**
 * Accepts a code typed in lower case or with spaces around it. A mistyped letter gives an
 * unknown region or fails the check digit, a mistyped or swapped digit fails the digit (a test
 * tries every single-character slip on a code of every region).
 */
export function normaliseCaseCode(text: string): string | null {
  const code = text.trim().toUpperCase().replace(/\s+/g, '');
  const m = CODE.exec(code);
  if (!m || !KNOWN_PREFIXES.has(`${m[1]}-${m[2]}`)) return null;
  const body = code.slice(0, code.lastIndexOf('-'));
  return checkDigit(body) === Number(m[5]) ? code : null;
}
