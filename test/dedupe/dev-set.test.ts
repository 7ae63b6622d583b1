import { describe, expect, it } from 'vitest';
import { findDuplicatePairs } from '../../src/domain/dedupe/engine.ts';
import { pairQuality, readDevSet } from '../fixtures/dedup-dev/dev-set.ts';

/**
 * Quality on the development set (synthetic, with the true grouping): a regression guard for
 * the matcher's precision and recall at its default threshold. The issue aims at F1 ≥ 0.97;
 * the figures of each run are recorded by `npm run bench`.
 */
describe('duplicate detection on the development set', () => {
  it("finds the same person's records and keeps different people apart (F1 ≥ 0.97)", () => {
    const { people, truth } = readDevSet();
    const { precision, recall, f1 } = pairQuality(findDuplicatePairs(people), truth);
    const figures = `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, F1 ${f1.toFixed(4)}`;
    expect(precision, figures).toBeGreaterThanOrEqual(0.97);
    expect(recall, figures).toBeGreaterThanOrEqual(0.95);
    expect(f1, figures).toBeGreaterThanOrEqual(0.97);
  });
});
