/**
 * The pseudonymous code that links one participant's pre-test and post-test without a name:
 * `P-7K3M-Q9`. The participant writes it on both papers (or receives it on a card), so it must
 * survive handwriting and retyping: five random symbols of Crockford's base32 (no I, L, O or U,
 * which look like 1, 1, 0 and V) and a check symbol.
 *
 * The check symbol is Crockford's: the body read as a base-32 number, modulo the prime 37. A
 * wrong symbol changes that number by d·32^k with 0 < |d| < 32, and swapping two neighbours
 * changes it by (a − b)·31·32^k; neither is a multiple of 37, so every single wrong symbol and
 * every swap of neighbouring symbols is caught. Crockford spells the remainders 32–36 with
 * `*~$=U`, which people cannot be expected to copy from paper, so a new code is redrawn until its
 * remainder is an ordinary symbol (about 6 draws in 7 succeed at once).
 *
 * Pure: the caller passes the random source, so this module imports no crypto and tests can
 * replay a sequence.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const PREFIX = 'P';
const BODY_LENGTH = 5;
const CHECK_MODULUS = 37;
/** A random source that never stops giving ordinary symbols would be a broken one. */
const MAX_DRAWS = 64;

/** Returns `length` random bytes, e.g. `(n) => crypto.getRandomValues(new Uint8Array(n))`. */
export type RandomBytes = (length: number) => Uint8Array;

function symbolValue(ch: string): number {
  return CROCKFORD_ALPHABET.indexOf(ch);
}

/** The check remainder (0–36) of a body of Crockford symbols. */
export function participantCheckValue(body: string): number {
  let remainder = 0;
  for (const ch of body) {
    const value = symbolValue(ch);
    if (value < 0) throw new RangeError(`Not a Crockford base32 symbol: ${ch}`);
    remainder = (remainder * 32 + value) % CHECK_MODULUS;
  }
  return remainder;
}

function format(body: string, check: string): string {
  return `${PREFIX}-${body.slice(0, 4)}-${body.slice(4)}${check}`;
}

/**
 * A new code from the caller's random bytes. Each byte gives one symbol from its low five bits:
 * 256 is a multiple of 32, so every symbol is equally likely. Uniqueness within an activity is
 * the caller's business (about 29 million codes: a clash is rare but possible).
 */
export function newParticipantCode(random: RandomBytes): string {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const bytes = random(BODY_LENGTH);
    if (bytes.length < BODY_LENGTH) throw new RangeError(`Random source gave ${bytes.length} bytes, ${BODY_LENGTH} needed`);
    let body = '';
    for (let i = 0; i < BODY_LENGTH; i++) body += CROCKFORD_ALPHABET[bytes[i]! & 31];
    const check = participantCheckValue(body);
    if (check < CROCKFORD_ALPHABET.length) return format(body, CROCKFORD_ALPHABET[check]!);
  }
  throw new Error('Random source keeps giving codes without an ordinary check symbol');
}

/** What people write by hand and type back: any case, O for 0, I or L for 1, spaces and dashes anywhere. */
function canonicalSymbols(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * The canonical code (`P-7K3M-Q9`) for what someone typed, or null when it is not a code or its
 * check symbol does not match. The leading P may be left out.
 */
export function normaliseParticipantCode(text: string): string | null {
  let symbols = canonicalSymbols(text);
  if (symbols.length === BODY_LENGTH + 2 && symbols.startsWith(PREFIX)) symbols = symbols.slice(1);
  if (symbols.length !== BODY_LENGTH + 1) return null;
  for (const ch of symbols) if (symbolValue(ch) < 0) return null;
  const body = symbols.slice(0, BODY_LENGTH);
  const check = symbols.slice(BODY_LENGTH);
  return participantCheckValue(body) === symbolValue(check) ? format(body, check) : null;
}

/** Whether the text, as typed, stands for a well-formed code with a matching check symbol. */
export function isValidParticipantCode(text: string): boolean {
  return normaliseParticipantCode(text) !== null;
}
