import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type ErrorDetail, SiraError } from '../../domain/errors/catalogue.ts';
import { apiTokenCreateInput, apiTokenIdInput } from '../../domain/identity/credential-schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import { apiTokens, users } from '../db/schema/index.ts';
import { newApiToken } from './api-tokens.ts';
import { signedInPerson } from './self-commands.ts';
import { HiddenRecordError } from '../audit/denied.ts';

const DAY_MS = 86_400_000;

export const createApiToken = defineCommand({
  name: 'api_token.create',
  summary: 'Create an API token for an integration, acting as you with only the scopes given (some of your own permissions). The token is shown once, in `ephemeral`, and kept only as a hash.',
  input: apiTokenCreateInput,
  result: z.object({ tokenId: z.uuid() }),
  ephemeral: z.object({ token: z.string() }),
  authorize(ctx, input) {
    signedInPerson(ctx);
    if (!can(ctx.actor, 'api_token.create')) throw new SiraError('FORBIDDEN');
    // Through the token the user keeps only what they hold; asking for more is a mistake worth saying.
    const held = ctx.actor.kind === 'user' ? ctx.actor.permissions : new Set<string>();
    const extra: ErrorDetail[] = input.scopes.flatMap((s, i) => (held.has(s) ? [] : [{ path: `input.scopes.${i}`, code: 'scope_not_held' }]));
    if (extra.length) throw new SiraError('VALIDATION_FAILED', extra);
  },
  async handle(ctx, input) {
    const userId = signedInPerson(ctx);
    const { token, tokenHash } = newApiToken();
    await ctx.tx.insert(apiTokens).values({
      id: input.tokenId,
      userId,
      name: input.name,
      tokenHash,
      scopes: [...new Set(input.scopes)],
      createdAt: ctx.now,
      expiresAt: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * DAY_MS) : null,
    });
    return {
      result: { tokenId: input.tokenId },
      ephemeral: { token },
      audit: { targetType: 'api_token', targetIds: [input.tokenId, userId], fields: Object.keys(input).filter((k) => k !== 'tokenId') },
    };
  },
});

export const revokeApiToken = defineCommand({
  name: 'api_token.revoke',
  summary: 'Revoke an API token: one of your own, or of someone you manage. It stops working at the next request.',
  input: apiTokenIdInput,
  result: z.object({ tokenId: z.uuid(), revoked: z.literal(true) }),
  async authorize({ tx, actor }, input) {
    const [row] = await tx
      .select({ userId: apiTokens.userId, organisationId: users.organisationId, roles: users.roles })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, input.tokenId));
    if (!row) throw new SiraError('NOT_FOUND');
    if (!can(actor, 'api_token.revoke', row)) throw new HiddenRecordError({ type: 'api_token', id: input.tokenId });
  },
  async handle({ tx, now }, input) {
    const [row] = await tx.select({ userId: apiTokens.userId }).from(apiTokens).where(eq(apiTokens.id, input.tokenId));
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt)));
    return { result: { tokenId: input.tokenId, revoked: true as const }, audit: { targetType: 'api_token', targetIds: [input.tokenId, row?.userId ?? ''].filter(Boolean), fields: ['revokedAt'] } };
  },
});
