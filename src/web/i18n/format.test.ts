import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatXof, formattingLocale } from './format.ts';

// Intl separates thousands with narrow no-break spaces in French; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const DATE = new Date('2026-11-24T12:00:00Z');
const nothing = () => [];
const only = (...tags: string[]) => (asked: readonly string[]) => asked.filter((t) => tags.includes(t));

describe('formats by language', () => {
  it('writes French as in Mali, English as in the partners’ reports', () => {
    expect(formattingLocale('fr', 'date')).toBe('fr-ML');
    expect(formattingLocale('en', 'date')).toBe('en-GB');
    expect(plain(formatNumber('fr', 1234567.5))).toBe('1 234 567,5');
    expect(plain(formatXof('fr', 125000))).toBe('125 000 F CFA');
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
    expect(plain(formatXof('en', 125000))).toBe('F CFA 125,000');
    expect(formatDate('fr', DATE, 'long')).toBe('24 novembre 2026');
    expect(formatDate('en', DATE, 'long')).toBe('24 November 2026');
  });

  it('has no minor unit for the CFA franc', () => {
    expect(plain(formatXof('fr', 1500.4))).toBe('1 500 F CFA');
  });

  it('writes Bambara amounts and numbers in Malian usage, not CLDR’s Bambara', () => {
    expect(formattingLocale('bm', 'number')).toBe('fr-ML');
    expect(plain(formatNumber('bm', 1234567.5))).toBe('1 234 567,5');
    expect(plain(formatXof('bm', 125000))).toBe('125 000 F CFA');
  });

  it('uses Bambara month names where the runtime has them (Node ships full ICU)', () => {
    expect(formattingLocale('bm', 'date')).toBe('bm-ML');
    expect(formatDate('bm', DATE, 'long')).toContain('nowanburu');
  });

  it('falls back to Mali’s French dates where Bambara is missing (Chromium on Android), never to American English', () => {
    expect(formattingLocale('bm', 'date', only('fr-ML', 'fr', 'en-GB', 'en'))).toBe('fr-ML');
    expect(formattingLocale('bm', 'date', only('fr'))).toBe('fr');
    expect(formattingLocale('en', 'date', only('en'))).toBe('en');
    // With no data at all, the last candidate is still French: Intl then uses its own default.
    expect(formattingLocale('bm', 'date', nothing)).toBe('fr');
  });
});
