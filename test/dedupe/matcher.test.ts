import { describe, expect, it } from 'vitest';
import { MATCH_THRESHOLD, findDuplicatePairs } from '../../src/domain/dedupe/engine.ts';
import { type PersonInput, parseBirthDate, phoneKey, preparePerson } from '../../src/domain/dedupe/person.ts';
import { compareNames, scorePair } from '../../src/domain/dedupe/score.ts';
import { fold, skeleton } from '../../src/domain/dedupe/text.ts';

/** Names as common as in a Malian register (Traoré, Moussa): agreeing on them is weak evidence. */
const MOUSSA = preparePerson({ id: 'x', givenName: 'Moussa' }).given!.canonical;
const TRAORE = preparePerson({ id: 'x', familyName: 'Traoré' }).family!.canonical;
const given = (c: string) => (c === MOUSSA ? 0.04 : 0.01);
const family = (c: string) => (c === TRAORE ? 0.06 : 0.01);
const score = (a: Omit<PersonInput, 'id'>, b: Omit<PersonInput, 'id'>) => scorePair(preparePerson({ id: 'a', ...a }), preparePerson({ id: 'b', ...b }), given, family).score;
const same = (a: string, b: string) => compareNames(preparePerson({ id: 'a', givenName: a }).given!, preparePerson({ id: 'b', givenName: b }).given!);

describe('spelling-tolerant names', () => {
  it('folds case, accents and punctuation', () => {
    expect(fold("  AÏSSATA  N'Diaye-Keïta ")).toBe('aissata n diaye keita');
  });
  it.each([
    ['Ouattara', 'Watara'],
    ['Djénéba', 'Jeneba'],
    ['Coulibaly', 'Kulibali'],
    ['Youssouf', 'Yusuf'],
    ['Guindo', 'Gindo'],
    ['Sissoko', 'Sisoko'],
    ['Cheick', 'Sheick'],
    ['Diarra', 'Jara'],
  ])('transliterations meet: %s = %s', (a, b) => {
    expect(skeleton(fold(a).replace(/ /g, ''))).toBe(skeleton(fold(b).replace(/ /g, '')));
  });
  it.each([
    ['Fanta', 'Fatoumata'],
    ['Madou', 'Mamadou'],
    ['Bakary', 'Boubacar'],
    ['Brahima', 'Ibrahim'],
    ['Sali', 'Salimata'],
    ['Abdoul Karim', 'Abdoulkarim'],
    ['Dienaba', 'Djénéba'],
  ])('variants and nicknames are the same name: %s = %s', (a, b) => {
    expect(same(a, b)).toBe('same');
  });
  it.each([
    ['Modibo', 'Moidbo'],
    ['Diop', 'Idop'],
    ['Adama', 'Adma'],
  ])('a typing slip stays close: %s ~ %s', (a, b) => {
    expect(same(a, b)).toBe('close');
  });
  it.each([
    ['Amadou', 'Hamidou'],
    ['Aminata', 'Rasmata'],
    ['Moussa', 'Issa'],
  ])('different names stay apart: %s ≠ %s', (a, b) => {
    expect(['related', 'different']).toContain(same(a, b));
  });
});

describe('other fields', () => {
  it('reads phone numbers in any national or international format', () => {
    for (const p of ['+223 76 12 34 56', '0022376123456', '76-12-34-56', '22376123456']) expect(phoneKey(p)).toBe('76123456');
    expect(phoneKey('12 34')).toBeNull();
  });
  it('reads full, partial and estimated birth dates', () => {
    expect(parseBirthDate('1998')).toEqual({ year: 1998 });
    expect(parseBirthDate('1998-07-03')).toEqual({ year: 1998, month: 7, day: 3 });
    expect(parseBirthDate('vers 1990')).toBeNull();
  });
});

describe('scoring a pair', () => {
  const base = { givenName: 'Moussa', familyName: 'Traoré', sex: 'M', nationality: 'ML', placeOfOrigin: 'Kayes' };
  it('matches the same person written differently: swapped names, year only, phone format', () => {
    expect(score({ ...base, dateOfBirth: '1990-04-12', phone: '+223 76 12 34 56' }, { ...base, givenName: 'TRAORE', familyName: 'Mousa', dateOfBirth: '1990', phone: '76123456' })).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
  it('accepts a day and month swapped', () => {
    expect(score({ ...base, dateOfBirth: '1990-04-12', motherName: 'Awa Diarra' }, { ...base, dateOfBirth: '1990-12-04', motherName: 'Hawa Diara' })).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
  it('keeps two different Moussa Traoré apart', () => {
    expect(score({ ...base, dateOfBirth: '1990-04-12' }, { ...base, dateOfBirth: '1985-01-30' })).toBeLessThan(MATCH_THRESHOLD);
    expect(score({ ...base, phone: '76123456', motherName: 'Awa Diarra' }, { ...base, phone: '66554433', motherName: 'Kadiatou Keïta' })).toBeLessThan(MATCH_THRESHOLD);
    // Name and place alone do not make a person.
    expect(score(base, base)).toBeLessThan(MATCH_THRESHOLD);
  });
  it('keeps siblings apart: same family, phone and mother, another given name', () => {
    const family = { familyName: 'Compaoré', sex: 'F', nationality: 'BF', placeOfOrigin: 'Kaya', phone: '70112233', motherName: 'Awa Ouédraogo' };
    expect(score({ ...family, givenName: 'Aminata', dateOfBirth: '2011' }, { ...family, givenName: 'Rasmata', dateOfBirth: '2011' })).toBeLessThan(MATCH_THRESHOLD);
  });
  it('a different sex or nationality counts strongly against', () => {
    const full = { ...base, dateOfBirth: '1990-04-12', phone: '76123456' };
    expect(score(full, { ...full, sex: 'F' })).toBeLessThan(score(full, full) - 5);
    expect(score(full, { ...full, nationality: 'BF' })).toBeLessThan(score(full, full) - 4);
  });
});

describe('findDuplicatePairs', () => {
  it('finds the pair among others, each pair once, best first', () => {
    const pairs = findDuplicatePairs([
      { id: '1', givenName: 'Fatoumata', familyName: 'Diallo', sex: 'F', dateOfBirth: '1995-03-02', phone: '+223 66 00 11 22' },
      { id: '2', givenName: 'Fanta', familyName: 'DIALLO', sex: 'F', dateOfBirth: '1995', phone: '66001122' },
      { id: '3', givenName: 'Aminata', familyName: 'Diallo', sex: 'F', dateOfBirth: '2003-01-09' },
      { id: '4', givenName: 'Boubacar', familyName: 'Sidibé', sex: 'M', dateOfBirth: '1970' },
    ]);
    expect(pairs.filter((p) => p.match).map((p) => [p.a, p.b].sort().join())).toEqual(['1,2']);
    expect(new Set(pairs.map((p) => [p.a, p.b].sort().join())).size).toBe(pairs.length);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
  });
});
