import { describe, expect, it } from 'vitest';
import './messages.ts';
import { translate } from '../../domain/i18n/translate.ts';
import type { Translate } from '../i18n/i18n.ts';
import { formatDuration, formatRate } from './format.ts';

const tIn =
  (locale: 'fr' | 'en' | 'bm'): Translate =>
  (key, values) =>
    translate(locale, key, values);
/** Intl writes a narrow no-break space before "%" in French; a reader sees a space. */
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('statistics figures in words', () => {
  it('writes a rate as a whole percentage in the reader’s convention', () => {
    expect(plain(formatRate('fr', 0.75))).toBe('75 %');
    expect(formatRate('en', 0.754)).toBe('75%');
    expect(plain(formatRate('bm', 1))).toBe('100 %');
  });

  it('writes a median in hours under two days, in days after, to one decimal', () => {
    expect(formatDuration('fr', tIn('fr'), 5)).toBe('5 h');
    expect(formatDuration('fr', tIn('fr'), 47.94)).toBe('47,9 h');
    expect(formatDuration('fr', tIn('fr'), 60)).toBe('2,5 j');
    expect(formatDuration('en', tIn('en'), 60)).toBe('2.5 d');
    expect(formatDuration('bm', tIn('bm'), 72)).toBe('tile 3');
  });
});
