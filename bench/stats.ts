/** Small helpers for timing: samples in milliseconds, summarised without judging them. */

export interface Summary {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank on the sorted samples; the median of an even count is the mean of the middle two.
  if (p === 50 && sorted.length % 2 === 0) {
    const mid = sorted.length / 2;
    return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarise(samples: readonly number[]): Summary {
  return {
    runs: samples.length,
    medianMs: percentile(samples, 50),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Milliseconds with one decimal below 100, whole above: enough precision to compare runs. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function fmtRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return 'n/a';
  return perSecond < 100 ? perSecond.toFixed(1) : perSecond.toFixed(0);
}
