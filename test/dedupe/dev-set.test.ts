import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { findDuplicatePairs } from '../../src/domain/dedupe/engine.ts';

/**
 * Quality on the development set (synthetic, with the true grouping): a regression guard for
 * the matcher's precision and recall at its default threshold. The issue aims at F1 ≥ 0.97;
 * the figures of each run are recorded by `npm run bench`.
 */
const DIR = path.resolve(import.meta.dirname, '../fixtures/dedup-dev');

describe('duplicate detection on the development set', () => {
  it("finds the same person's records and keeps different people apart (F1 ≥ 0.97)", () => {
    const rows = parse(fs.readFileSync(path.join(DIR, 'persons.csv')), { columns: true }) as Record<string, string>[];
    const truth = new Map((parse(fs.readFileSync(path.join(DIR, 'truth.csv')), { columns: true }) as Record<string, string>[]).map((r) => [r.id!, r.cluster!]));
    const pairs = findDuplicatePairs(
      rows.map((r) => ({ id: r.id!, givenName: r.given_name, familyName: r.family_name, sex: r.sex, dateOfBirth: r.date_of_birth, nationality: r.nationality, placeOfOrigin: r.place_of_origin, phone: r.phone, motherName: r.mother_name })),
    );
    const sizes = new Map<string, number>();
    for (const c of truth.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    const truePairs = [...sizes.values()].reduce((s, k) => s + (k * (k - 1)) / 2, 0);
    const matches = pairs.filter((p) => p.match);
    const right = matches.filter((p) => truth.get(p.a) === truth.get(p.b)).length;
    const precision = right / matches.length;
    const recall = right / truePairs;
    const f1 = (2 * precision * recall) / (precision + recall);
    const figures = `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)}`;
    expect(precision, figures).toBeGreaterThanOrEqual(0.97);
    expect(recall, figures).toBeGreaterThanOrEqual(0.95);
    expect(f1, figures).toBeGreaterThanOrEqual(0.97);
  });
});
