import { randomInt } from 'node:crypto';

/** Crockford's alphabet: no I, L, O or U, so a code read aloud on a bad line is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * `REF-7K3M-Q9TX`: what the paper form and a phone call carry instead of the case code. Random
 * (40 bits), so it says nothing about the person, the organisation or how many came before;
 * the unique index catches the one-in-a-trillion repeat and the command is retried.
 */
export function newReferenceCode(): string {
  let chars = '';
  for (let i = 0; i < 8; i++) chars += ALPHABET[randomInt(ALPHABET.length)];
  return `REF-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const REFERENCE_CODE_PATTERN = /^REF-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
