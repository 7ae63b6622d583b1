import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  isValidParticipantCode,
  newParticipantCode,
  normaliseParticipantCode,
  participantCheckValue,
  type RandomBytes,
} from '../../../src/domain/activities/participant-code.ts';

/** A replayable random source (32-bit LCG), so a failure names the code it failed on. */
function seeded(seed: number): RandomBytes {
  let state = seed >>> 0;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      bytes[i] = state >>> 24;
    }
    return bytes;
  };
}

/** Bytes that spell the given body (each symbol's value is its byte's low five bits). */
function bytesOf(body: string): Uint8Array {
  return Uint8Array.from([...body].map((ch) => CROCKFORD_ALPHABET.indexOf(ch) + 32 * 3));
}

const CODES = (() => {
  const random = seeded(20261123);
  return Array.from({ length: 150 }, () => newParticipantCode(random));
})();

describe('participant codes', () => {
  it('formats P-XXXX-XC in Crockford base32 with a matching ordinary check symbol', () => {
    for (const code of CODES) {
      expect(code).toMatch(/^P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
      const symbols = code.replace(/-/g, '').slice(1);
      expect(CROCKFORD_ALPHABET[participantCheckValue(symbols.slice(0, 5))]).toBe(symbols[5]);
      expect(normaliseParticipantCode(code)).toBe(code);
    }
    expect(new Set(CODES).size).toBe(CODES.length);
  });

  it('spells a code from the low five bits of each byte', () => {
    const body = '7K3MQ';
    const check = participantCheckValue(body);
    expect(check).toBeLessThan(32);
    expect(newParticipantCode(() => bytesOf(body))).toBe(`P-7K3M-Q${CROCKFORD_ALPHABET[check]}`);
  });

  it('redraws a body whose check would need one of the symbols *~$=U', () => {
    let awkward = '';
    for (let v = 0; !awkward; v++) {
      const body = [0, 1, 2, 3, 4].map((i) => CROCKFORD_ALPHABET[(v >> (5 * i)) & 31]).join('');
      if (participantCheckValue(body) >= 32) awkward = body;
    }
    const draws = [bytesOf(awkward), bytesOf('7K3MQ')];
    let calls = 0;
    const code = newParticipantCode(() => draws[calls++]!);
    expect(calls).toBe(2);
    expect(code.startsWith('P-7K3M-Q')).toBe(true);
  });

  it('refuses a random source that gives too few bytes', () => {
    expect(() => newParticipantCode(() => new Uint8Array(3))).toThrow(RangeError);
  });

  it('catches every single wrong symbol, in the body, the check or the prefix', () => {
    for (const code of CODES) {
      for (let i = 0; i < code.length; i++) {
        if (code[i] === '-') continue;
        for (const ch of `${CROCKFORD_ALPHABET}U`) {
          if (ch === code[i]) continue;
          const typo = `${code.slice(0, i)}${ch}${code.slice(i + 1)}`;
          expect(normaliseParticipantCode(typo), `${code} → ${typo}`).toBeNull();
        }
      }
    }
  });

  it('catches every swap of two neighbouring symbols, across the dash too', () => {
    for (const code of CODES) {
      const symbols = code.replace(/-/g, '').slice(1);
      for (let i = 0; i + 1 < symbols.length; i++) {
        if (symbols[i] === symbols[i + 1]) continue;
        const swapped = `${symbols.slice(0, i)}${symbols[i + 1]}${symbols[i]}${symbols.slice(i + 2)}`;
        expect(normaliseParticipantCode(`P${swapped}`), `${code} → ${swapped}`).toBeNull();
      }
    }
  });

  it('reads back what people copy from paper', () => {
    const body = '01MK1';
    const code = `P-01MK-1${CROCKFORD_ALPHABET[participantCheckValue(body)]}`;
    const check = code.slice(-1);
    for (const typed of [
      code,
      code.toLowerCase(),
      ` ${code} `,
      `P 01MK 1${check}`,
      `P01MK1${check}`,
      `01MK-1${check}`,
      `p-oimk-l${check.toLowerCase()}`,
      `P–O1MK–I${check}`,
      `P_01mk.1${check}`,
    ]) {
      expect(normaliseParticipantCode(typed), typed).toBe(code);
      expect(isValidParticipantCode(typed)).toBe(true);
    }
  });

  it('rejects what is not a code', () => {
    for (const text of ['', 'P', 'P-7K3M', 'P-7K3M-Q9X', 'X-7K3M-Q9', 'P-7K3M-Q#', 'Aminata', 'ML-KAY-2026-000123-7']) {
      expect(normaliseParticipantCode(text), text).toBeNull();
      expect(isValidParticipantCode(text)).toBe(false);
    }
  });
});
