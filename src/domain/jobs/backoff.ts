/**
 * Delay before retrying a failed job: exponential from 5 s, capped at 1 h, with ±20 %
 * jitter so that jobs failing together do not retry together.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = 5_000 * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(base, 3_600_000);
  return Math.round(capped * (0.8 + 0.4 * random()));
}
