import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { HiddenRecordError } from '../audit/denied.ts';
import { defineCommand, type CommandContext } from '../commands/define.ts';
import { blindIndexer } from '../crypto/blind-index.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { caseLinkRequests, cases } from '../db/schema/index.ts';
import { unindexCase } from './dedupe-index.ts';
import { openIdentity } from './sealed-case.ts';

/**
 * "A possible existing record is held by organisation B": the identifier in A never learns
 * which record. The check hands out a token, sealed by the secret box for that user and valid
 * one hour, that names the other case; the identifier passes it back to ask the coordinator
 * to link the two, and only the coordinator sees both.
 */
const TOKEN_MINUTES = 60;
const tokenContext = (userId: string) => `case-match:${userId}`;

export function issueMatchToken(box: SecretBox, userId: string, candidate: { caseId: string; score: number }, now: Date): string {
  return box.seal(JSON.stringify({ c: candidate.caseId, s: candidate.score, e: now.getTime() + TOKEN_MINUTES * 60_000 }), tokenContext(userId));
}

function openMatchToken(box: SecretBox, userId: string, token: string, now: Date): { caseId: string; score: number } | null {
  try {
    const { c, s, e } = JSON.parse(box.openText(token, tokenContext(userId))) as { c: string; s: number; e: number };
    return e >= now.getTime() ? { caseId: c, score: s } : null;
  } catch {
    return null;
  }
}

export async function createLinkRequests(ctx: CommandContext, caseId: string, tokens: readonly string[], path: string): Promise<void> {
  if (tokens.length === 0) return;
  const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : '';
  const targets = tokens.map((t, i) => ({ i, target: openMatchToken(ctx.secrets(), userId, t, ctx.now) }));
  const bad = targets.filter((t) => !t.target || t.target.caseId === caseId);
  if (bad.length) throw new SiraError('VALIDATION_FAILED', bad.map((b) => ({ path: `${path}.${b.i}`, code: 'match_token_invalid' })));
  for (const { target } of targets) {
    await ctx.tx
      .insert(caseLinkRequests)
      .values({ id: crypto.randomUUID(), caseId, otherCaseId: target!.caseId, score: target!.score, requestedBy: userId || null, requestedAt: ctx.now })
      .onConflictDoNothing();
  }
}

async function loadCase(ctx: CommandContext, caseId: string) {
  const [row] = await ctx.tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  return row;
}

export const requestCaseLink = defineCommand({
  name: 'case.request_link',
  summary: 'Ask the coordinator whether a possible duplicate held elsewhere is the same person (by the token of a duplicate check).',
  input: z.object({ caseId: z.uuid(), token: z.string().min(1).max(1000) }).strict(),
  result: z.object({ caseId: z.uuid() }),
  async authorize(ctx, input) {
    const row = await loadCase(ctx, input.caseId);
    if (!can(ctx.actor, 'case.register', { organisationId: row.organisationId })) throw new HiddenRecordError({ type: 'case', id: row.id });
  },
  async handle(ctx, input) {
    await createLinkRequests(ctx, input.caseId, [input.token], 'input.token');
    return { result: { caseId: input.caseId }, audit: { targetType: 'case', targetIds: [input.caseId], fields: ['linkRequest'] } };
  },
});

async function loadRequest(ctx: CommandContext, id: string) {
  const [row] = await ctx.tx.select().from(caseLinkRequests).where(eq(caseLinkRequests.id, id)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  if (row.status !== 'pending') throw new SiraError('CONFLICT', [{ path: 'input.linkRequestId', code: 'link_request_decided' }]);
  return row;
}

/**
 * Merging keeps both histories: both case rows stay, with their consents, screenings and audit
 * trail; the merged one points at the one kept, becomes read-only, and leaves duplicate
 * detection. Nothing is copied from one organisation's file into the other's.
 */
export const mergeCases = defineCommand({
  name: 'case.merge',
  summary: 'Coordinator: the two cases of a link request are the same person; keep one, merge the other into it.',
  input: z.object({ linkRequestId: z.uuid(), keep: z.enum(['requesting', 'other']) }).strict(),
  result: z.object({ keptCaseId: z.uuid(), mergedCaseId: z.uuid() }),
  authorize(ctx) {
    if (!can(ctx.actor, 'case.merge')) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const request = await loadRequest(ctx, input.linkRequestId);
    const [keptId, mergedId] = input.keep === 'requesting' ? [request.caseId, request.otherCaseId] : [request.otherCaseId, request.caseId];
    const kept = await loadCase(ctx, keptId);
    const merged = await loadCase(ctx, mergedId);
    if (kept.status !== 'open' || merged.status !== 'open') throw new SiraError('CONFLICT', [{ path: 'input.linkRequestId', code: 'case_not_open' }]);
    const box = ctx.secrets();
    await unindexCase(ctx.tx, await blindIndexer(ctx.tx, box), merged.id, openIdentity(box, merged), { sex: merged.sex as never, nationality: merged.nationality ?? undefined }, merged.registeredAt);
    await ctx.tx.update(cases).set({ status: 'merged', mergedInto: kept.id, mergedAt: ctx.now, updatedAt: ctx.now }).where(eq(cases.id, merged.id));
    await ctx.tx.update(cases).set({ lastActivityAt: ctx.now, updatedAt: ctx.now }).where(eq(cases.id, kept.id));
    const decided = { status: 'merged', decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decidedAt: ctx.now };
    await ctx.tx.update(caseLinkRequests).set(decided).where(eq(caseLinkRequests.id, request.id));
    // Other pending requests about the merged case are answered by this decision.
    await ctx.tx
      .update(caseLinkRequests)
      .set(decided)
      .where(and(eq(caseLinkRequests.status, 'pending'), or(eq(caseLinkRequests.caseId, merged.id), eq(caseLinkRequests.otherCaseId, merged.id))));
    return { result: { keptCaseId: kept.id, mergedCaseId: merged.id }, audit: { targetType: 'case', targetIds: [kept.id, merged.id], fields: ['mergedInto'] } };
  },
});

export const dismissCaseLink = defineCommand({
  name: 'case.dismiss_link',
  summary: 'Coordinator: the two cases of a link request are different people.',
  input: z.object({ linkRequestId: z.uuid() }).strict(),
  result: z.object({ linkRequestId: z.uuid() }),
  authorize(ctx) {
    if (!can(ctx.actor, 'case.merge')) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const request = await loadRequest(ctx, input.linkRequestId);
    await ctx.tx.update(caseLinkRequests).set({ status: 'dismissed', decidedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null, decidedAt: ctx.now }).where(eq(caseLinkRequests.id, request.id));
    return { result: { linkRequestId: request.id }, audit: { targetType: 'case_link_request', targetIds: [request.id, request.caseId, request.otherCaseId], fields: ['status'] } };
  },
});
