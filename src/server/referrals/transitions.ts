import { eq } from 'drizzle-orm';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { EVENTS_NEEDING_A_REASON, isTerminal, transition, type ReferralState } from '../../domain/referrals/lifecycle.ts';
import { type PersonEvent, transitionReferralInput, transitionReferralResult } from '../../domain/referrals/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { HiddenRecordError } from '../audit/denied.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { cases, referralEvents, referrals } from '../db/schema/index.ts';
import { type NotificationKind, notify } from '../notifications/notify.ts';
import { referralNoteContext, sealReferralText } from './sealed.ts';

type ReferralRow = typeof referrals.$inferSelect;

const RECEIVER_EVENTS: readonly PersonEvent[] = ['accept', 'decline', 'start', 'complete', 'not_complete'];

/** The news each step brings the other side (a paper outcome has nobody in Sira to tell). */
const NEWS: Partial<Record<PersonEvent, NotificationKind>> = {
  accept: 'referral_accepted',
  decline: 'referral_declined',
  start: 'referral_started',
  complete: 'referral_completed',
  not_complete: 'referral_not_completed',
  cancel: 'referral_cancelled',
};

/**
 * Locks the referral and checks the actor acts for the side this event belongs to. Someone on
 * neither side is told it does not exist (and the denial is audited); someone on the other
 * side is told they may not.
 */
async function lockForSide(ctx: CommandContext, referralId: string, event: PersonEvent): Promise<ReferralRow> {
  const [row] = await ctx.tx.select().from(referrals).where(eq(referrals.id, referralId)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  const sides = { fromOrganisationId: row.fromOrganisationId, toOrganisationId: row.toOrganisationId };
  const allowed = RECEIVER_EVENTS.includes(event)
    ? can(ctx.actor, 'referral.respond', { organisationId: row.toOrganisationId })
    : can(ctx.actor, 'referral.create', { organisationId: row.fromOrganisationId });
  if (!allowed) throw can(ctx.actor, 'referral.read', sides) ? new SiraError('FORBIDDEN') : new HiddenRecordError({ type: 'referral', id: row.id });
  return row;
}

function transitionCommand(event: PersonEvent, summary: string) {
  const side = RECEIVER_EVENTS.includes(event) ? ('receiver' as const) : ('referrer' as const);
  return defineCommand({
    name: `referral.${event}`,
    summary,
    input: transitionReferralInput,
    result: transitionReferralResult,
    async authorize(ctx, input) {
      await lockForSide(ctx, input.referralId, event);
    },
    async handle(ctx, input) {
      const row = await lockForSide(ctx, input.referralId, event);
      if (EVENTS_NEEDING_A_REASON.includes(event) && !input.note) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.note', code: 'referral_note_required' }]);
      if (event === 'record_paper_outcome' && !input.outcome) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.outcome', code: 'referral_outcome_required' }]);
      // On Sira the receiver answers for itself: only a paper partner's answer is recorded for it.
      if (event === 'record_paper_outcome' && !row.onPaper) throw new SiraError('REFERRAL_TRANSITION_ILLEGAL', [{ path: 'input.referralId', code: 'referral_not_on_paper' }]);
      const from = row.state as ReferralState;
      const step = transition(from, event, side, input.outcome);
      if (!step.ok) throw new SiraError('REFERRAL_TRANSITION_ILLEGAL', [{ path: 'input.referralId', code: step.code }]);
      const eventId = crypto.randomUUID();
      let note: string | null = null;
      if (input.note) {
        const [caseRow] = await ctx.tx.select({ id: cases.id, dataKey: cases.dataKey }).from(cases).where(eq(cases.id, row.caseId));
        // An erased person's referral can still be closed, but no new words about them are kept.
        note = caseRow?.dataKey ? sealReferralText(ctx.secrets(), caseRow, input.note, referralNoteContext(eventId)) : null;
      }
      const answered = (from === 'sent' || from === 'overdue') && step.to !== 'cancelled';
      await ctx.tx
        .update(referrals)
        .set({
          state: step.to,
          version: row.version + 1,
          updatedAt: ctx.now,
          ...(answered && !row.answeredAt ? { answeredAt: ctx.now } : {}),
          ...(isTerminal(step.to) ? { closedAt: ctx.now } : {}),
        })
        .where(eq(referrals.id, row.id));
      await ctx.tx.insert(referralEvents).values({
        id: eventId,
        referralId: row.id,
        event,
        fromState: from,
        toState: step.to,
        side,
        actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        organisationId: side === 'receiver' ? row.toOrganisationId : row.fromOrganisationId,
        note,
        at: ctx.now,
      });
      const news = NEWS[event];
      if (news) {
        const sides = { fromOrganisationId: row.fromOrganisationId, toOrganisationId: row.toOrganisationId };
        await notify(ctx.tx, {
          kind: news,
          audience: side === 'receiver' ? { organisationId: row.fromOrganisationId, action: 'referral.read', sides } : { organisationId: row.toOrganisationId, action: 'referral.respond' },
          link: `/referrals/${row.id}`,
          subjectId: row.id,
          now: ctx.now,
        });
      }
      return {
        result: { referralId: row.id, state: step.to },
        audit: { targetType: 'referral', targetIds: [row.id, row.caseId], fields: ['state', ...(input.note ? ['note'] : []), ...(input.outcome ? ['outcome'] : [])] },
      };
    },
  });
}

export const acceptReferral = transitionCommand('accept', 'Receiver: accept a referral (the referrer is told).');
export const declineReferral = transitionCommand('decline', 'Receiver: decline a referral, with a reason the referrer reads.');
export const startReferral = transitionCommand('start', 'Receiver: the service is under way.');
export const completeReferral = transitionCommand('complete', 'Receiver: the service was provided (outcome note optional); the outcome goes back to the referrer.');
export const notCompleteReferral = transitionCommand('not_complete', 'Receiver: the service could not be provided, with a reason.');
export const cancelReferral = transitionCommand('cancel', 'Referrer: withdraw a referral before the service is under way, with a reason.');
export const recordPaperOutcome = transitionCommand('record_paper_outcome', 'Referrer: record the outcome a partner on paper sent back (completed or not).');

export const REFERRAL_TRANSITION_COMMANDS = [acceptReferral, declineReferral, startReferral, completeReferral, notCompleteReferral, cancelReferral, recordPaperOutcome];
