import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { can } from '../../../domain/policies/policy.ts';
import { HiddenRecordError } from '../../audit/denied.ts';
import { defineCommand, type CommandContext } from '../../commands/define.ts';
import { blindIndexer } from '../../crypto/blind-index.ts';
import { caseLinkRequests, cases, consentOverrides, formSubmissions } from '../../db/schema/index.ts';
import { unindexCase } from '../dedupe-index.ts';
import { openIdentity } from '../sealed-case.ts';

export const ERASURE_REASONS = ['request', 'retention'] as const;

export const eraseInput = z.object({ caseId: z.uuid(), reason: z.enum(ERASURE_REASONS) }).strict();

async function lockCase(ctx: CommandContext, caseId: string) {
  const [row] = await ctx.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  if (!can(ctx.actor, 'person.erase', { organisationId: row.organisationId })) {
    throw can(ctx.actor, 'case.read', { organisationId: row.organisationId }) ? new SiraError('FORBIDDEN') : new HiddenRecordError({ type: 'case', id: row.id });
  }
  return row;
}

/**
 * Erasure by crypto-shredding: the case's data key goes, so every value sealed under it (the
 * identity, screening answers, override reasons) can never be read again, in this database or
 * in any backup of it; the sealed values are nulled too. What statistics need stays: category,
 * risk, sex, age band, nationality, region, dates, consent layers and decisions, disclosures
 * (to whom, which fields). The case code stays: it is a pseudonym, and the audit trail points
 * at it.
 *
 * Erasing an erased case changes nothing and succeeds: a person's request and the retention
 * job may meet on the same case, and both want the same end state.
 */
export const erasePerson = defineCommand({
  name: 'person.erase',
  summary: "Erase a person's identifying data (on their request, or at the end of the retention period), keeping what statistics need.",
  input: eraseInput,
  result: z.object({ caseId: z.uuid(), anonymisedAt: z.string() }),
  async authorize(ctx, input) {
    await lockCase(ctx, input.caseId);
  },
  async handle(ctx, input) {
    const row = await lockCase(ctx, input.caseId);
    if (row.status === 'anonymised') {
      return { result: { caseId: row.id, anonymisedAt: (row.anonymisedAt ?? ctx.now).toISOString() }, audit: { targetType: 'case', targetIds: [row.id], fields: [] } };
    }
    const { tx, now } = ctx;
    const box = ctx.secrets();
    const indexer = await blindIndexer(tx, box);
    const identity = row.identity && row.dataKey ? openIdentity(box, row) : null;
    const stats = { sex: row.sex as never, nationality: row.nationality ?? undefined };
    // A merged case left duplicate detection when it was merged: its names were counted down then.
    await unindexCase(tx, indexer, row.id, row.status === 'open' ? identity : null, stats, row.registeredAt);
    await tx.update(formSubmissions).set({ answers: null }).where(eq(formSubmissions.caseId, row.id));
    await tx.update(consentOverrides).set({ reason: null }).where(eq(consentOverrides.caseId, row.id));
    await tx
      .update(caseLinkRequests)
      .set({ status: 'dismissed', decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decidedAt: now })
      .where(and(eq(caseLinkRequests.status, 'pending'), or(eq(caseLinkRequests.caseId, row.id), eq(caseLinkRequests.otherCaseId, row.id))));
    await tx.update(cases).set({ identity: null, dataKey: null, photo: null, status: 'anonymised', anonymisedAt: now, updatedAt: now }).where(eq(cases.id, row.id));
    return { result: { caseId: row.id, anonymisedAt: now.toISOString() }, audit: { targetType: 'case', targetIds: [row.id], fields: ['identity', `reason.${input.reason}`] } };
  },
});
