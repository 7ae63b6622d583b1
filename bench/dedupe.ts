import path from 'node:path';
import { MATCH_THRESHOLD, findDuplicatePairs } from '../src/domain/dedupe/engine.ts';
import type { PersonInput } from '../src/domain/dedupe/person.ts';
import { pairQuality, readDevSet } from '../test/fixtures/dedup-dev/dev-set.ts';

/**
 * Duplicate detection: quality on the development set (precision, recall, F1 at the default
 * threshold) and the time of a batch run, on the development set and on 100,000 synthetic
 * records recombined from it (names, places and mothers drawn independently, new birth dates
 * and phones: about as many name collisions as a real register, and no true pairs).
 */
export interface DedupeBenchResult {
  records: number;
  truePairs: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  devMs: number;
  batch: { records: number; candidates: number; ms: number };
}

/** A small deterministic generator (mulberry32), so every run compares the same records. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticRegister(source: readonly PersonInput[], n: number): PersonInput[] {
  const rnd = random(20261122);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const bySex = { F: source.filter((p) => p.sex === 'F'), M: source.filter((p) => p.sex === 'M') };
  const out: PersonInput[] = [];
  for (let i = 0; i < n; i++) {
    const sex = rnd() < 0.5 ? 'F' : 'M';
    const year = 1960 + Math.floor(rnd() * 55);
    const pad = (x: number) => String(x).padStart(2, '0');
    out.push({
      id: `s${i}`,
      givenName: pick(bySex[sex]).givenName,
      familyName: pick(source).familyName,
      sex,
      dateOfBirth: rnd() < 0.5 ? String(year) : `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
      nationality: pick(source).nationality,
      placeOfOrigin: pick(source).placeOfOrigin,
      phone: rnd() < 0.6 ? String(Math.floor(rnd() * 1e8)).padStart(8, '0') : '',
      motherName: rnd() < 0.6 ? pick(source).motherName : '',
    });
  }
  return out;
}

export function benchDedupe(batchSize: number, log: (line: string) => void): DedupeBenchResult {
  const { people, truth } = readDevSet();
  const t0 = performance.now();
  const pairs = findDuplicatePairs(people);
  const devMs = performance.now() - t0;
  const { truePairs, precision, recall, f1 } = pairQuality(pairs, truth);
  log(`  development set: ${people.length} records, ${truePairs} true pairs: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)} in ${devMs.toFixed(0)} ms`);
  const register = syntheticRegister(people, batchSize);
  const t1 = performance.now();
  const batchPairs = findDuplicatePairs(register);
  const ms = performance.now() - t1;
  log(`  batch of ${batchSize} synthetic records: ${(ms / 1000).toFixed(1)} s, ${batchPairs.length} pairs reported`);
  return { records: people.length, truePairs, threshold: MATCH_THRESHOLD, precision, recall, f1, devMs, batch: { records: batchSize, candidates: batchPairs.length, ms } };
}

export function renderDedupeReport(r: DedupeBenchResult): string[] {
  return [
    '### Duplicate detection (`sira dedupe`, the registration-time matcher)',
    '',
    `Development set (test/fixtures/dedup-dev): ${r.records} records, ${r.truePairs} true pairs, default threshold ${r.threshold}.`,
    '',
    '| measure | value | aim |',
    '| --- | ---: | ---: |',
    `| precision | ${r.precision.toFixed(4)} | |`,
    `| recall | ${r.recall.toFixed(4)} | |`,
    `| F1 | ${r.f1.toFixed(4)} | ≥ 0.97 |`,
    `| time for the development set | ${(r.devMs / 1000).toFixed(1)} s | |`,
    `| batch of ${r.batch.records.toLocaleString('en')} synthetic records | ${(r.batch.ms / 1000).toFixed(1)} s | ≤ 60 s |`,
    '',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const n = Number(process.argv[2] ?? 100_000);
  benchDedupe(n, console.log);
}
