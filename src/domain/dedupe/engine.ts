import { blockingKeys } from './blocking.ts';
import { type NamePart, type PersonInput, type PreparedPerson, preparePerson } from './person.ts';
import { type NameFrequency, scorePair } from './score.ts';

/** At or above this score two records are taken for the same person (see BENCHMARKS.md for its precision and recall). */
export const MATCH_THRESHOLD = 12;

export interface CandidatePair {
  a: string;
  b: string;
  score: number;
  match: boolean;
}

export interface DedupeOptions {
  threshold?: number;
  /** Pairs scoring below this are not reported at all. */
  reportFrom?: number;
  /** Keys shared by more persons than this say too little to compare them all (e.g. a shared office phone). */
  maxBlock?: number;
}

/**
 * Until a name has been seen often, its frequency is pulled toward that of a typical name,
 * as if this many typical records had been seen first: a name met once in a file of four is
 * not a name one person in four bears.
 */
const PRIOR_RECORDS = 200;
const TYPICAL_NAME_FREQUENCY = 0.01;

export function smoothedFrequency(count: number, total: number): number {
  return (count + PRIOR_RECORDS * TYPICAL_NAME_FREQUENCY) / (total + PRIOR_RECORDS);
}

/** Frequency of each canonical name among these persons, for the weight of agreeing on it. */
export function nameFrequencies(people: readonly PreparedPerson[]): { given: NameFrequency; family: NameFrequency } {
  const given = new Map<string, number>();
  const family = new Map<string, number>();
  for (const p of people) {
    if (p.given) given.set(p.given.canonical, (given.get(p.given.canonical) ?? 0) + 1);
    if (p.family) family.set(p.family.canonical, (family.get(p.family.canonical) ?? 0) + 1);
  }
  const n = people.length;
  return { given: (c) => smoothedFrequency(given.get(c) ?? 0, n), family: (c) => smoothedFrequency(family.get(c) ?? 0, n) };
}

/** One shared object per spelling, so that name comparisons are remembered across pairs. */
function internNames(people: PreparedPerson[]): void {
  const parts = new Map<string, NamePart>();
  const intern = (p: NamePart | null): NamePart | null => {
    if (!p) return p;
    const known = parts.get(p.letters);
    if (known) return known;
    parts.set(p.letters, p);
    return p;
  };
  for (const p of people) {
    p.given = intern(p.given);
    p.family = intern(p.family);
    if (p.mother) p.mother = { given: intern(p.mother.given), family: intern(p.mother.family) };
  }
}

/** Every likely pair of records of the same person among `inputs`, best first. */
export function findDuplicatePairs(inputs: readonly PersonInput[], options: DedupeOptions = {}): CandidatePair[] {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const reportFrom = options.reportFrom ?? threshold - 4;
  const maxBlock = options.maxBlock ?? 1000;
  const people = inputs.map(preparePerson);
  internNames(people);
  const { given, family } = nameFrequencies(people);
  // Keys become small integers, each person's sorted, so that a pair sharing several keys is
  // scored once: in the block of the first key they share.
  const keyIds = new Map<string, number>();
  const blocks: number[][] = [];
  const keysOf = people.map((p, i) => {
    const ids = new Set<number>();
    for (const key of blockingKeys(p)) {
      let id = keyIds.get(key);
      if (id === undefined) {
        id = blocks.length;
        keyIds.set(key, id);
        blocks.push([]);
      }
      if (!ids.has(id)) {
        ids.add(id);
        blocks[id]!.push(i);
      }
    }
    return Int32Array.from(ids).sort();
  });
  const pairs: CandidatePair[] = [];
  blocks.forEach((members, block) => {
    if (members.length < 2 || members.length > maxBlock) return;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const i = members[x]!;
        const j = members[y]!;
        if (firstSharedKey(keysOf[i]!, keysOf[j]!) !== block) continue;
        const { score } = scorePair(people[i]!, people[j]!, given, family);
        if (score >= reportFrom) pairs.push({ a: people[i]!.id, b: people[j]!.id, score, match: score >= threshold });
      }
    }
  });
  return pairs.sort((p, q) => q.score - p.score || (p.a < q.a ? -1 : 1));
}

function firstSharedKey(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) return a[i]!;
    if (a[i]! < b[j]!) i++;
    else j++;
  }
  return -1;
}
