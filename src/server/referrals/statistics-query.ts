import { and, gte, lt, sql } from 'drizzle-orm';
import type { ReferralState } from '../../domain/referrals/lifecycle.ts';
import type { ReferralFact } from '../../domain/referrals/statistics.ts';
import type { DbOrTx } from '../db/client.ts';
import { referralEvents, referrals } from '../db/schema/index.ts';

const DAY = 86_400_000;

/** The first instant of a `YYYY-MM-DD` day and of the day after it (UTC: Mali and Burkina Faso's time). */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  return { start: new Date(`${from}T00:00:00Z`), end: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY) };
}

/**
 * One fact per referral sent in the range, with nothing that names a person: the case id only
 * counts distinct persons. Whether it ever went overdue is decided in SQL, from the deadline
 * event kept in `referral_events`, since an overdue referral answered later is no longer in
 * that state. Grouping, medians and the suppression of small cells stay in the domain
 * (`referralStatistics`), so there is one rule for what may be shown.
 */
export async function loadReferralFacts(db: DbOrTx, range: { start: Date; end: Date }): Promise<ReferralFact[]> {
  const rows = await db
    .select({
      caseId: referrals.caseId,
      toOrganisationId: referrals.toOrganisationId,
      serviceType: referrals.serviceType,
      regionPcode: referrals.regionPcode,
      state: referrals.state,
      sentAt: referrals.sentAt,
      answeredAt: referrals.answeredAt,
      closedAt: referrals.closedAt,
      // Qualified by hand: in a one-table select drizzle writes bare column names, which the subquery would take for its own.
      wentOverdue: sql<boolean>`(${referrals}.state = 'overdue' or exists (select 1 from ${referralEvents} e where e.referral_id = ${referrals}.id and e.event = 'deadline_passed'))`,
    })
    .from(referrals)
    .where(and(gte(referrals.sentAt, range.start), lt(referrals.sentAt, range.end)));
  return rows.map((r) => ({
    caseId: r.caseId,
    toOrganisationId: r.toOrganisationId,
    serviceType: r.serviceType,
    regionPcode: r.regionPcode,
    state: r.state as ReferralState,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
    completedAt: r.state === 'completed' ? r.closedAt : null,
    // PGlite and node-postgres both parse booleans, but a driver handing back 't' must not count as false.
    wentOverdue: r.wentOverdue === true || (r.wentOverdue as unknown) === 't',
  }));
}
