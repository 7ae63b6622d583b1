import type { ReferralState } from './lifecycle.ts';

/**
 * Referral statistics for the coordinator: how many referrals were accepted, how fast they
 * were answered and completed, how many went overdue, by receiving organisation, service type
 * or region. Small numbers identify people ("the one Guinean girl referred to the Kayes
 * shelter"), so a cell that counts fewer than MIN_PERSONS distinct persons shows no figure
 * (CTDC's k = 11); and when a single cell of a breakdown is hidden, the next smallest is hidden
 * too, or the total would give it away.
 */
export const MIN_PERSONS = 11;

export interface ReferralFact {
  caseId: string;
  toOrganisationId: string;
  serviceType: string;
  regionPcode: string;
  state: ReferralState;
  sentAt: Date;
  answeredAt: Date | null;
  completedAt: Date | null;
  /** It passed its answer deadline unanswered at some point. */
  wentOverdue: boolean;
}

export type Dimension = 'toOrganisationId' | 'serviceType' | 'regionPcode';

export interface StatisticsCell {
  key: string;
  /** Null when hidden: fewer than MIN_PERSONS persons, or hidden to protect another cell. */
  figures: {
    referrals: number;
    persons: number;
    /** Accepted among those answered, 0–1; null when none was answered yet. */
    acceptanceRate: number | null;
    medianHoursToAnswer: number | null;
    medianHoursToCompletion: number | null;
    overdue: number;
  } | null;
}

const HOUR = 3_600_000;
const ACCEPTED: readonly ReferralState[] = ['accepted', 'in_progress', 'completed', 'not_completed'];

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figuresOf(facts: readonly ReferralFact[]): NonNullable<StatisticsCell['figures']> {
  const answered = facts.filter((f) => f.answeredAt !== null && (ACCEPTED.includes(f.state) || f.state === 'declined'));
  const accepted = answered.filter((f) => ACCEPTED.includes(f.state));
  return {
    referrals: facts.length,
    persons: new Set(facts.map((f) => f.caseId)).size,
    acceptanceRate: answered.length ? accepted.length / answered.length : null,
    medianHoursToAnswer: median(answered.map((f) => (f.answeredAt!.getTime() - f.sentAt.getTime()) / HOUR)),
    medianHoursToCompletion: median(facts.filter((f) => f.state === 'completed' && f.completedAt).map((f) => (f.completedAt!.getTime() - f.sentAt.getTime()) / HOUR)),
    overdue: facts.filter((f) => f.wentOverdue).length,
  };
}

/** One breakdown: a cell per value of the dimension, largest first, and the total. */
export function referralStatistics(facts: readonly ReferralFact[], dimension: Dimension): { cells: StatisticsCell[]; total: StatisticsCell } {
  const groups = new Map<string, ReferralFact[]>();
  for (const f of facts) groups.set(f[dimension], [...(groups.get(f[dimension]) ?? []), f]);
  const cells = [...groups.entries()].map(([key, group]) => ({ key, figures: figuresOf(group), persons: new Set(group.map((f) => f.caseId)).size }));
  cells.sort((a, b) => b.persons - a.persons || (a.key < b.key ? -1 : 1));
  const hidden = new Set(cells.filter((c) => c.persons < MIN_PERSONS).map((c) => c.key));
  // One hidden cell next to a shown total could be worked out by subtraction.
  if (hidden.size === 1 && cells.length > 1) {
    const nextSmallest = [...cells].reverse().find((c) => !hidden.has(c.key));
    if (nextSmallest) hidden.add(nextSmallest.key);
  }
  const totalFigures = figuresOf(facts);
  return {
    cells: cells.map((c) => ({ key: c.key, figures: hidden.has(c.key) ? null : c.figures })),
    total: { key: 'total', figures: totalFigures.persons < MIN_PERSONS ? null : totalFigures },
  };
}
