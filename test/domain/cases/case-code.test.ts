import { describe, expect, it } from 'vitest';
import { caseRegions, checkDigit, formatCaseCode, normaliseCaseCode, regionForCase } from '../../../src/domain/cases/case-code.ts';

describe('case codes', () => {
  it('formats country, region, year, six-digit sequence and a check digit', () => {
    const code = formatCaseCode({ country: 'ML', region: 'KAY', year: 2026, sequence: 123 });
    expect(code).toMatch(/^ML-KAY-2026-000123-\d$/);
    expect(normaliseCaseCode(code)).toBe(code);
    expect(normaliseCaseCode(` ${code.toLowerCase()} `)).toBe(code);
  });

  it.each(caseRegions().map((r) => [`${r.country}-${r.abbreviation}`]))('catches every single wrong character and every swap of neighbouring digits in %s', (prefix) => {
    const body = `${prefix}-2026-004712`;
    const code = `${body}-${checkDigit(body)}`;
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < body.length; i++) {
      if (body[i] === '-') continue;
      for (const ch of alphabet) {
        if (ch === body[i]) continue;
        const typo = `${body.slice(0, i)}${ch}${body.slice(i + 1)}-${checkDigit(body)}`;
        expect(normaliseCaseCode(typo), typo).toBeNull();
      }
    }
    for (let i = 0; i < body.length - 1; i++) {
      if (!/\d\d/.test(body.slice(i, i + 2)) || body[i] === body[i + 1]) continue;
      const swapped = `${body.slice(0, i)}${body[i + 1]}${body[i]}${body.slice(i + 2)}-${checkDigit(body)}`;
      expect(normaliseCaseCode(swapped), swapped).toBeNull();
    }
    expect(normaliseCaseCode(code)).toBe(code);
  });

  it('takes post-reform P-codes only, so that ML09 means Taoudénit and never Bamako', () => {
    expect(regionForCase('ML09')?.name).toBe('Taoudénit');
    expect(regionForCase('ML00')?.abbreviation).toBe('BKO');
    expect(regionForCase('BF46')).toBeUndefined(); // legacy Boucle du Mouhoun
    expect(regionForCase('BF62')?.abbreviation).toBe('BKU');
  });

  it('gives every region a distinct three-letter abbreviation within its country', () => {
    const regions = caseRegions();
    expect(regions.filter((r) => r.country === 'ML')).toHaveLength(20);
    expect(regions.filter((r) => r.country === 'BF')).toHaveLength(17);
    for (const country of ['ML', 'BF']) {
      const abbreviations = regions.filter((r) => r.country === country).map((r) => r.abbreviation);
      expect(new Set(abbreviations).size).toBe(abbreviations.length);
      for (const a of abbreviations) expect(a).toMatch(/^[A-Z]{3}$/);
    }
  });
});
