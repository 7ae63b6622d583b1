import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { allowedEvents, type ReferralEvent, type ReferralState } from '../../domain/referrals/lifecycle.ts';
import { PERSON_EVENTS, type PersonEvent, type ReferralDetail } from '../../domain/referrals/schemas.ts';
import { can, referralSide } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { deniedRead } from '../audit/denied.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { cases, referralEvents, referrals, users } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { organisationNames } from '../organisations/names.ts';
import { minimalReferralData, shownFields } from './minimal-data.ts';
import { type ReferralRow, summarise } from './queries.ts';
import { openReferralText, referralNoteContext, referralReasonContext } from './sealed.ts';

/** A referral a read route serves, with the caller's side: 404 when missing, 404 audited when hidden. */
export async function readableReferral(db: Db, request: FastifyRequest, id: string): Promise<{ actor: Actor; row: ReferralRow; side: 'referrer' | 'receiver' }> {
  const actor = requireActor(request);
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  if (!row) throw new SiraError('NOT_FOUND');
  const side = referralSide(actor, { fromOrganisationId: row.fromOrganisationId, toOrganisationId: row.toOrganisationId });
  if (!side) throw await deniedRead(db, request, 'referral.read', 'NOT_FOUND', { type: 'referral', id });
  return { actor, row, side };
}

/** The buttons this actor may press: the state machine's events for the side, and the actor's permission for it. */
function actions(actor: Actor, row: ReferralRow): PersonEvent[] {
  const asReceiver = can(actor, 'referral.respond', { organisationId: row.toOrganisationId }) ? allowedEvents(row.state as ReferralState, 'receiver') : [];
  const asReferrer = can(actor, 'referral.create', { organisationId: row.fromOrganisationId }) ? allowedEvents(row.state as ReferralState, 'referrer') : [];
  const events = new Set<ReferralEvent>([...asReceiver, ...asReferrer]);
  // The paper outcome is for a partner on paper; on Sira the receiver answers for itself.
  if (!row.onPaper) events.delete('record_paper_outcome');
  return PERSON_EVENTS.filter((e) => events.has(e));
}

/**
 * A referral as one of its sides sees it: the summary, the minimal data set (the same for both:
 * the referrer sees what the receiver sees), the reason, the steps with their notes. Opening it
 * is audited with the names of the fields shown.
 */
export async function loadReferralDetail(db: Db, box: SecretBox, request: FastifyRequest, id: string, now: Date): Promise<ReferralDetail> {
  const { actor, row, side } = await readableReferral(db, request, id);
  return db.transaction(async (tx) => {
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, row.caseId));
    if (!caseRow) throw new SiraError('NOT_FOUND');
    const data = await minimalReferralData(tx, box, row, caseRow, now);
    const events = await tx.select().from(referralEvents).where(eq(referralEvents.referralId, row.id)).orderBy(asc(referralEvents.at), asc(referralEvents.id));
    const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((u): u is string => u !== null))];
    const actorNames = new Map(actorIds.length ? (await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, actorIds))).map((u) => [u.id, u.name]) : []);
    const orgNames = await organisationNames(tx, events.map((e) => e.organisationId));
    const [summary] = await summarise(tx, [row], now, side === 'referrer');
    await appendAudit(tx, { type: 'referral.viewed', actor, requestId: request.id, targetType: 'referral', targetIds: [row.id, row.caseId], data: { side, fields: shownFields(data) } });
    return {
      referral: summary!,
      side,
      data,
      reason: openReferralText(box, caseRow, row.reason, referralReasonContext(row.id)) ?? '',
      basis: row.basis as 'consent' | 'override',
      allowedEvents: actions(actor, row),
      events: events.map((e) => ({
        event: e.event as ReferralEvent | 'create',
        fromState: (e.fromState as ReferralState | null) ?? null,
        toState: e.toState as ReferralState,
        side: e.side as 'referrer' | 'receiver' | 'system',
        at: e.at.toISOString(),
        actorName: (e.actorUserId && actorNames.get(e.actorUserId)) ?? null,
        organisationName: (e.organisationId && orgNames.get(e.organisationId)) ?? null,
        note: openReferralText(box, caseRow, e.note, referralNoteContext(e.id)),
      })),
    };
  });
}
