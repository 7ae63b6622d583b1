import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { consentDecisionSchema, consentGiverProblem, consentTime } from '../../domain/cases/consent.ts';
import type { AgeBand } from '../../domain/cases/identity.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { HiddenRecordError } from '../audit/denied.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { cases, consentOverrides, consents } from '../db/schema/index.ts';

/** The consent rules look at age bands, which is what is kept in clear. */
const BAND_AGE: Record<AgeBand, number | null> = { '0-5': 3, '6-11': 9, '12-14': 13, '15-17': 16, '18-24': 21, '25-59': 40, '60+': 65, unknown: null };

export async function lockOpenCase(ctx: CommandContext, caseId: string, action: 'case.register' | 'case.read') {
  const [row] = await ctx.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  if (!can(ctx.actor, action, { organisationId: row.organisationId })) {
    throw can(ctx.actor, 'case.read', { organisationId: row.organisationId }) ? new SiraError('FORBIDDEN') : new HiddenRecordError({ type: 'case', id: row.id });
  }
  if (row.status !== 'open') throw new SiraError('CONFLICT', [{ path: 'input.caseId', code: 'case_not_open' }]);
  return row;
}

export const recordConsent = defineCommand({
  name: 'consent.record',
  summary: 'Record a consent decision of a registered person (services, disclosure per organisation and service type, reporting).',
  input: z.object({ caseId: z.uuid(), consentId: z.uuid(), consent: consentDecisionSchema }).strict(),
  result: z.object({ consentId: z.uuid() }),
  async authorize(ctx, input) {
    await lockOpenCase(ctx, input.caseId, 'case.register');
  },
  async handle(ctx, input) {
    const row = await lockOpenCase(ctx, input.caseId, 'case.register');
    const problem = consentGiverProblem({ isChild: row.isChild, ageYears: BAND_AGE[row.ageBand as AgeBand] ?? null }, input.consent);
    if (problem) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.consent.givenBy', code: problem }]);
    const c = input.consent;
    await ctx.tx.insert(consents).values({
      id: input.consentId,
      caseId: row.id,
      layer: c.layer,
      decision: c.decision,
      organisationId: c.organisationId ?? null,
      serviceType: c.serviceType ?? null,
      givenBy: c.givenBy,
      childAssent: c.childAssent,
      language: c.language,
      givenAt: consentTime(c.givenAt, ctx.now),
      recordedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      recordedAt: ctx.now,
    });
    await ctx.tx.update(cases).set({ lastActivityAt: ctx.now }).where(eq(cases.id, row.id));
    return { result: { consentId: input.consentId }, audit: { targetType: 'case', targetIds: [row.id, input.consentId], fields: ['consent'] } };
  },
});

/** Withdrawal takes effect at once: every disclosure check reads the records when it runs. */
export const withdrawConsent = defineCommand({
  name: 'consent.withdraw',
  summary: 'Withdraw a consent decision; it stops covering anything from now on.',
  input: z.object({ caseId: z.uuid(), consentId: z.uuid() }).strict(),
  result: z.object({ consentId: z.uuid() }),
  async authorize(ctx, input) {
    await lockOpenCase(ctx, input.caseId, 'case.register');
  },
  async handle(ctx, input) {
    const [row] = await ctx.tx.select().from(consents).where(and(eq(consents.id, input.consentId), eq(consents.caseId, input.caseId)));
    if (!row) throw new SiraError('NOT_FOUND');
    if (row.withdrawnAt === null) {
      await ctx.tx
        .update(consents)
        .set({ withdrawnAt: ctx.now, withdrawnBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null })
        .where(and(eq(consents.id, row.id), isNull(consents.withdrawnAt)));
    }
    return { result: { consentId: row.id }, audit: { targetType: 'case', targetIds: [input.caseId, row.id], fields: ['withdrawnAt'] } };
  },
});

export const reviewConsentOverride = defineCommand({
  name: 'consent.review_override',
  summary: 'Coordinator: mark a consent override as reviewed.',
  input: z.object({ overrideId: z.uuid() }).strict(),
  result: z.object({ overrideId: z.uuid() }),
  authorize(ctx) {
    if (!can(ctx.actor, 'consent.review')) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const [row] = await ctx.tx.select({ id: consentOverrides.id, reviewedAt: consentOverrides.reviewedAt }).from(consentOverrides).where(eq(consentOverrides.id, input.overrideId));
    if (!row) throw new SiraError('NOT_FOUND');
    if (!row.reviewedAt) await ctx.tx.update(consentOverrides).set({ reviewedAt: ctx.now, reviewedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null }).where(eq(consentOverrides.id, row.id));
    return { result: { overrideId: row.id }, audit: { targetType: 'consent_override', targetIds: [row.id], fields: ['reviewedAt'] } };
  },
});
