import { eq } from 'drizzle-orm';
import { SYSTEM_JOB } from '../../domain/identity/actor.ts';
import { transition } from '../../domain/referrals/lifecycle.ts';
import { appendAudit } from '../audit/append.ts';
import { now } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { referralEvents, referrals } from '../db/schema/index.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { notify } from '../notifications/notify.ts';

const referralIdOf = (payload: unknown): string => {
  const id = (payload as { referralId?: unknown }).referralId;
  if (typeof id !== 'string') throw new Error('referral job without a referral id');
  return id;
};

/**
 * The reminder before the deadline: only if the receiver has still not answered. A referral
 * answered in the meantime makes this a no-op, so the job never needs cancelling.
 */
export async function remindReferral(db: Db, referralId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
    if (!row || row.state !== 'sent' || row.remindedAt) return;
    const at = now();
    await tx.update(referrals).set({ remindedAt: at }).where(eq(referrals.id, row.id));
    await notify(tx, { kind: 'referral_reminder', audience: { organisationId: row.toOrganisationId, action: 'referral.respond' }, link: `/referrals/${row.id}`, subjectId: row.id, now: at });
  });
}

/**
 * The deadline: an unanswered referral becomes overdue and is escalated to the coordinators at
 * once (the receiver is told too). It stays answerable: overdue is a flag on the screen, not an
 * end. A job run late (the server was off) still does exactly this, once.
 */
export async function passReferralDeadline(db: Db, referralId: string): Promise<{ notBefore: Date } | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
    if (!row) return undefined;
    const at = now();
    // Run early (the clock was set back): come back at the deadline.
    if (row.answerDueAt.getTime() > at.getTime()) return { notBefore: row.answerDueAt };
    const step = transition(row.state as never, 'deadline_passed', 'system');
    if (!step.ok) return undefined;
    await tx.update(referrals).set({ state: step.to, escalatedAt: at, version: row.version + 1, updatedAt: at }).where(eq(referrals.id, row.id));
    await tx.insert(referralEvents).values({ id: crypto.randomUUID(), referralId: row.id, event: 'deadline_passed', fromState: row.state, toState: step.to, side: 'system', actorUserId: null, organisationId: null, note: null, at });
    await appendAudit(tx, { type: 'referral.overdue', actor: SYSTEM_JOB, targetType: 'referral', targetIds: [row.id, row.caseId], data: { urgency: row.urgency, escalated: true } });
    await notify(tx, { kind: 'referral_overdue', audience: { organisationId: row.toOrganisationId, action: 'referral.respond' }, link: `/referrals/${row.id}`, subjectId: row.id, now: at });
    await notify(tx, { kind: 'referral_escalated', audience: { organisationId: null, action: 'referral.oversee' }, link: '/referrals/escalations', subjectId: row.id, now: at });
    return undefined;
  });
}

export const referralJobHandlers: ReadonlyArray<[string, JobHandler]> = [
  ['referrals.remind', ({ db, job }) => remindReferral(db, referralIdOf(job.payload))],
  [
    'referrals.deadline',
    async ({ db, job }) => {
      const early = await passReferralDeadline(db, referralIdOf(job.payload));
      return early ? { rescheduleAt: early.notBefore } : undefined;
    },
  ],
];
