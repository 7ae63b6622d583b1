import { and, eq } from 'drizzle-orm';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { answerDeadline, reminderTime } from '../../domain/referrals/lifecycle.ts';
import { createReferralInput, createReferralResult } from '../../domain/referrals/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { lockOpenCase } from '../cases/consent-commands.ts';
import { authorizeDisclosure } from '../cases/disclosure.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { cases, directoryAttributes, directoryServiceAtLocations, directoryServices, directoryTaxonomyTerms, referralEvents, referrals } from '../db/schema/index.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { notify } from '../notifications/notify.ts';
import { newReferenceCode } from './reference-code.ts';
import { referralReasonContext, sealReferralText } from './sealed.ts';
import { currentAnswerHours } from './settings.ts';

const invalid = (path: string, code: string) => new SiraError('VALIDATION_FAILED', [{ path, code }]);

/** The directory entry referred to: active, offering the service type asked for, at that place. */
async function checkService(ctx: CommandContext, input: { serviceId: string; serviceType: string; locationId: string | null }) {
  const [service] = await ctx.tx.select({ id: directoryServices.id, organisationId: directoryServices.organisationId, status: directoryServices.status }).from(directoryServices).where(eq(directoryServices.id, input.serviceId));
  if (!service) throw invalid('input.serviceId', 'unknown_service');
  if (service.status !== 'active') throw invalid('input.serviceId', 'service_inactive');
  const offered = await ctx.tx
    .select({ code: directoryTaxonomyTerms.code })
    .from(directoryAttributes)
    .innerJoin(directoryTaxonomyTerms, eq(directoryTaxonomyTerms.id, directoryAttributes.taxonomyTermId))
    .where(and(eq(directoryAttributes.linkEntity, 'service'), eq(directoryAttributes.linkId, service.id), eq(directoryAttributes.linkType, 'service_type')));
  if (!offered.some((o) => o.code === input.serviceType)) throw invalid('input.serviceType', 'service_type_not_offered');
  if (input.locationId) {
    const [at] = await ctx.tx
      .select({ id: directoryServiceAtLocations.id })
      .from(directoryServiceAtLocations)
      .where(and(eq(directoryServiceAtLocations.serviceId, service.id), eq(directoryServiceAtLocations.locationId, input.locationId)));
    if (!at) throw invalid('input.locationId', 'location_not_of_service');
  }
  return service;
}

/**
 * Refer a case to a service. Consent is checked here, on the server, by the one gate every
 * disclosure goes through; the receiver will read the minimal data set, never the case file.
 * The deadline's reminder and escalation are scheduled in the same transaction, so a referral
 * never exists without them.
 */
export const createReferral = defineCommand({
  name: 'referral.create',
  summary: 'Refer a case to a service of the directory (minimal data set only; consent checked, or an allowed override with a reason).',
  input: createReferralInput,
  result: createReferralResult,
  async authorize(ctx, input) {
    const row = await lockOpenCase(ctx, input.caseId, 'case.read');
    if (!can(ctx.actor, 'referral.create', { organisationId: row.organisationId })) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const row = await lockOpenCase(ctx, input.caseId, 'case.read');
    const service = await checkService(ctx, input);
    const { basis, overrideId } = await authorizeDisclosure(ctx, row, { organisationId: service.organisationId, serviceType: input.serviceType }, input.override);
    const answerDueAt = answerDeadline(ctx.now, input.urgency, currentAnswerHours());
    const referenceCode = newReferenceCode();
    await ctx.tx.insert(referrals).values({
      id: input.referralId,
      referenceCode,
      caseId: row.id,
      fromOrganisationId: row.organisationId,
      toOrganisationId: service.organisationId,
      serviceId: service.id,
      locationId: input.locationId,
      serviceType: input.serviceType,
      urgency: input.urgency,
      state: 'sent',
      basis,
      overrideId,
      // An override lets the minimal data through, never the name: only consent can do that.
      shareIdentity: input.shareIdentity && basis === 'consent',
      onPaper: input.onPaper,
      reason: sealReferralText(ctx.secrets(), row, input.reason, referralReasonContext(input.referralId)),
      regionPcode: row.regionPcode,
      sentAt: ctx.now,
      answerDueAt,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      updatedAt: ctx.now,
    });
    await ctx.tx.insert(referralEvents).values({
      id: crypto.randomUUID(),
      referralId: input.referralId,
      event: 'create',
      fromState: null,
      toState: 'sent',
      side: 'referrer',
      actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      organisationId: row.organisationId,
      note: null,
      at: ctx.now,
    });
    const payload = { referralId: input.referralId };
    await enqueueJob(ctx.tx, { kind: 'referrals.remind', payload, runAt: reminderTime(ctx.now, answerDueAt), dedupeKey: `referrals.remind:${input.referralId}` });
    await enqueueJob(ctx.tx, { kind: 'referrals.deadline', payload, runAt: answerDueAt, dedupeKey: `referrals.deadline:${input.referralId}` });
    await notify(ctx.tx, {
      kind: 'referral_received',
      audience: { organisationId: service.organisationId, action: 'referral.respond' },
      link: `/referrals/${input.referralId}`,
      subjectId: input.referralId,
      now: ctx.now,
    });
    await ctx.tx.update(cases).set({ lastActivityAt: ctx.now }).where(eq(cases.id, row.id));
    return {
      result: { referralId: input.referralId, referenceCode, basis, answerDueAt: answerDueAt.toISOString() },
      audit: { targetType: 'referral', targetIds: [input.referralId, row.id], fields: ['serviceId', 'serviceType', 'urgency', 'reason', 'shareIdentity', 'onPaper'] },
    };
  },
});
