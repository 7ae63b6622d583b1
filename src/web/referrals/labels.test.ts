import { describe, expect, it } from 'vitest';
import { lateness, relativeFuture, stateTone, urgencyTone } from './labels.ts';

const at = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);
const HOUR = 3_600_000;
// Intl puts a narrow no-break space in some units ("5 h"); compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('answer timing in words', () => {
  it('says a deadline ahead in minutes, hours, then days, in the reader language', () => {
    expect(plain(relativeFuture('fr', later(20 * 60_000), at))).toBe('dans 20 min');
    expect(plain(relativeFuture('fr', later(5 * HOUR), at))).toBe('dans 5 h');
    expect(plain(relativeFuture('fr', later(30 * HOUR), at))).toBe('dans 30 h');
    expect(plain(relativeFuture('fr', later(14 * 24 * HOUR), at))).toBe('dans 14 j');
    expect(plain(relativeFuture('en', later(5 * HOUR), at))).toMatch(/^in 5 hr?\.?$/);
  });

  it('says how late a missed deadline is', () => {
    expect(plain(lateness('fr', at, later(2 * 24 * HOUR + HOUR)))).toBe('2 j');
    expect(plain(lateness('fr', at, later(HOUR)))).toBe('1 h');
    // Bambara numbers and units follow Malian French usage.
    expect(plain(lateness('bm', at, later(3 * HOUR)))).toBe('3 h');
  });

  it('never says zero minutes', () => {
    expect(plain(relativeFuture('fr', later(5_000), at))).toBe('dans 1 min');
  });

  it('colours states and urgencies by what they ask of the reader', () => {
    expect(stateTone('overdue')).toBe('warning');
    expect(stateTone('completed')).toBe('success');
    expect(stateTone('not_completed')).toBe('danger');
    expect(stateTone('sent')).toBe('neutral');
    expect(urgencyTone('emergency')).toBe('danger');
    expect(urgencyTone('normal')).toBe('neutral');
  });
});
