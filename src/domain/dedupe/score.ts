import { jaroWinkler } from '@skyra/jaro-winkler';
import type { BirthDate, NamePart, PreparedPerson } from './person.ts';

/**
 * How strongly two records say "same person", as a sum of log-likelihood weights in the
 * manner of Fellegi and Sunter: each field that agrees adds evidence in proportion to how
 * rare the agreement would be between two different people, each that disagrees takes some
 * away, a missing field says nothing. Agreeing on a common name ("Moussa Traoré") is weak
 * evidence, so two different people with it stay apart unless birth date, phone or mother
 * agree too.
 */

export type NameLevel = 'same' | 'close' | 'related' | 'different';

/** How often a name (its canonical form) occurs among persons: 0–1. */
export type NameFrequency = (canonical: string) => number;

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters ("Moidbo" for "Modibo"), the typing mistakes of a hurried register.
 */
export function typingDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/** Same length and one letter differs in place: a replaced letter, not a swap. */
function isSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/**
 * Names repeat far more than people: each pair of spellings is judged once. The batch engine
 * gives equal spellings one shared NamePart, so the memo is keyed by object, with no string
 * built per comparison.
 */
const judged = new WeakMap<NamePart, Map<NamePart, NameLevel>>();

export function compareNames(a: NamePart, b: NamePart): NameLevel {
  if (a.canonical === b.canonical || a.skeleton === b.skeleton) return 'same';
  let row = judged.get(a);
  if (!row) judged.set(a, (row = new Map()));
  let level = row.get(b);
  if (level === undefined) {
    level = judgeSpellings(a, b);
    row.set(b, level);
  }
  return level;
}

function judgeSpellings(a: NamePart, b: NamePart): NameLevel {
  const jw = jaroWinkler(a.skeleton, b.skeleton);
  const shortest = Math.min(a.skeleton.length, b.skeleton.length);
  // Short names sharing their first letters score high on Jaro-Winkler and still differ.
  if (jw >= 0.92 && shortest >= 6) return 'close';
  const typos = Math.min(typingDistance(a.letters, b.letters), typingDistance(a.skeleton, b.skeleton));
  // One letter swapped, dropped or doubled is a typing slip; one letter replaced in a short
  // name is often another name (Amadou / Hamidou, Koné / Kané), so it counts for less.
  if (typos === 1 && shortest >= 3 && (shortest >= 6 || !(isSubstitution(a.letters, b.letters) || isSubstitution(a.skeleton, b.skeleton)))) return 'close';
  if (shortest >= 7 && typos <= 2) return 'close';
  // A short form at the start of the long one ("fatim" / "fatimata", "sali" / "salimata") or a near spelling.
  const [short, long] = a.skeleton.length <= b.skeleton.length ? [a.skeleton, b.skeleton] : [b.skeleton, a.skeleton];
  if ((short.length >= 3 && long.startsWith(short)) || jw >= 0.85 || typos === 1) return 'related';
  return 'different';
}

/** Evidence from agreeing on a name as rare as `frequency`, in bits. */
function rarity(frequency: number): number {
  return Math.min(9, Math.max(1.5, Math.log2(0.9 / Math.max(frequency, 1e-6))));
}

/** What disagreeing on a name costs: siblings share everything but their given names. */
function nameWeight(a: NamePart | null, b: NamePart | null, frequency: NameFrequency, disagreement: number): number {
  if (!a || !b) return 0;
  const level = compareNames(a, b);
  const bits = rarity(Math.max(frequency(a.canonical), frequency(b.canonical)));
  switch (level) {
    case 'same':
      return bits;
    case 'close':
      return bits * 0.8;
    case 'related':
      return bits * 0.35;
    default:
      return disagreement;
  }
}

function birthWeight(a: BirthDate | null, b: BirthDate | null): number {
  if (!a || !b) return 0;
  const gap = Math.abs(a.year - b.year);
  if (a.day && b.day && a.month && b.month) {
    if (gap === 0 && a.month === b.month && a.day === b.day) return 7;
    if (gap === 0 && a.month === b.day && a.day === b.month) return 4.5; // day and month swapped
    // Two full dates are copied from a document or asked precisely: they rarely differ for one person.
    if (gap < 3) return -8;
  } else if (gap === 0) return 2.5; // a year only, often an estimate: the same year
  if (gap === 1) return 0; // an estimated age is often a year out
  if (gap === 2) return -2;
  return -10;
}

function motherWeight(a: PreparedPerson['mother'], b: PreparedPerson['mother'], frequency: NameFrequency): number {
  if (!a || !b) return 0;
  const given = a.given && b.given ? compareNames(a.given, b.given) : 'different';
  const family = a.family && b.family ? compareNames(a.family, b.family) : null;
  const agrees = (l: NameLevel | null) => l === 'same' || l === 'close';
  if (agrees(given) && (family === null || agrees(family))) return 3 + (family ? 0.3 * rarity(frequency(a.family!.canonical)) : 0);
  if (agrees(given) || agrees(family)) return -1;
  return -4;
}

const GIVEN_DISAGREES = -12;
const FAMILY_DISAGREES = -6;

export interface MatchScore {
  score: number;
  /** The names compared crosswise (given against family) scored better. */
  swapped: boolean;
}

export function scorePair(a: PreparedPerson, b: PreparedPerson, given: NameFrequency, family: NameFrequency): MatchScore {
  const straight = nameWeight(a.given, b.given, given, GIVEN_DISAGREES) + nameWeight(a.family, b.family, family, FAMILY_DISAGREES);
  const crossed = nameWeight(a.given, b.family, given, GIVEN_DISAGREES) + nameWeight(a.family, b.given, family, FAMILY_DISAGREES) - 0.5;
  let score = Math.max(straight, crossed);
  score += birthWeight(a.birth, b.birth);
  if (a.sex && b.sex) score += a.sex === b.sex ? 0.5 : -6;
  if (a.nationality && b.nationality) score += a.nationality === b.nationality ? 0.5 : -5;
  if (a.place && b.place) score += a.place === b.place ? 1.5 : jaroWinkler(a.place, b.place) >= 0.9 ? 0.5 : -3;
  if (a.phone && b.phone) score += a.phone === b.phone ? 6 : -4;
  score += motherWeight(a.mother, b.mother, family);
  return { score: Math.round(score * 100) / 100, swapped: crossed > straight };
}
