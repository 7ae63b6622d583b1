import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/domain/jobs/backoff.ts';

describe('job retry back-off', () => {
  it('doubles from 5 s and caps at one hour', () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(30, mid)).toBe(3_600_000);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(1, () => 0)).toBe(4_000);
    expect(retryDelayMs(1, () => 1)).toBe(6_000);
  });
});
