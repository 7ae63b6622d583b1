import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { actorUserId } from '../../domain/identity/actor.ts';
import { passwordResetInput, passwordResetIssueInput, passwordResetLinkView } from '../../domain/identity/credential-schemas.ts';
import { appendAudit } from '../audit/append.ts';
import { defineCommand } from '../commands/define.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { passwordResets, users } from '../db/schema/index.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { accountKey, clearFailures } from './login-throttle.ts';
import { hashPassword } from './passwords.ts';
import { hashToken } from './sessions.ts';
import { loadManagedUser, refuseCommonPassword, revokeAllSessions } from './user-commands.ts';

const VALID_MS = 24 * 3_600_000;

/**
 * An administrator hands the link over in person or by phone: Sira sends no email (no SMTP
 * is configured). The token sits after `#`, so browsers never send it to a server and it
 * never reaches an access log; the page posts it to POST /api/auth/password-reset.
 */
export const issuePasswordReset = defineCommand({
  name: 'user.issue_password_reset',
  summary: 'Issue a one-time password-reset link for an account you manage, valid 24 hours; it replaces any earlier link. The link is returned once, in `ephemeral`.',
  input: passwordResetIssueInput,
  result: z.object({ userId: z.uuid(), expiresAt: z.string() }),
  ephemeral: passwordResetLinkView,
  async authorize(ctx, input) {
    await loadManagedUser(ctx.tx, ctx.actor, input.userId);
  },
  async handle({ tx, actor, now }, input) {
    await tx
      .update(passwordResets)
      .set({ revokedAt: now })
      .where(and(eq(passwordResets.userId, input.userId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + VALID_MS);
    await tx.insert(passwordResets).values({ tokenHash: hashToken(token), id: randomUUID(), userId: input.userId, issuedByUserId: actorUserId(actor), createdAt: now, expiresAt });
    return {
      result: { userId: input.userId, expiresAt: expiresAt.toISOString() },
      ephemeral: { url: `/reset#${token}`, expiresAt: expiresAt.toISOString() },
      audit: { targetType: 'user', targetIds: [input.userId], fields: ['passwordReset'] },
    };
  },
});

export async function purgePasswordResets(db: DbOrTx, now = new Date()): Promise<void> {
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, now));
}

type Refusal = 'unknown' | 'used' | 'replaced' | 'expired';

export function passwordResetRoute(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/auth/password-reset',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Set a new password with a one-time link issued by an administrator. Every session of the account ends.',
        tags: ['identity'],
        body: passwordResetInput,
        response: { 204: z.null(), 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const tokenHash = hashToken(request.body.token);
      const [link] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash));
      const refusal: Refusal | null = !link ? 'unknown' : link.usedAt ? 'used' : link.revokedAt ? 'replaced' : link.expiresAt <= now ? 'expired' : null;
      if (refusal || !link) {
        await db.transaction((tx) =>
          appendAudit(tx, { type: 'auth.password_reset.failed', actor: null, requestId: request.id, targetType: link ? 'user' : null, targetIds: link ? [link.userId] : [], data: { reason: refusal ?? 'unknown' } }),
        );
        throw new SiraError('RESET_LINK_INVALID');
      }
      // Refused before the link is spent, so the person can pick another password with it.
      refuseCommonPassword(request.body.password, 'password');
      const passwordHash = await hashPassword(request.body.password);
      await db.transaction(async (tx) => {
        // Spent in the same statement that checks it, so two uses at once cannot both pass.
        const spent = await tx
          .update(passwordResets)
          .set({ usedAt: now })
          .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)))
          .returning({ userId: passwordResets.userId });
        if (spent.length === 0) throw new SiraError('RESET_LINK_INVALID');
        const [user] = await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, link.userId)).returning({ email: users.email });
        await revokeAllSessions(tx, link.userId, now);
        // An administrator vouched for this person: a lockout from earlier guesses ends.
        if (user) await clearFailures(tx, accountKey(user.email));
        await appendAudit(tx, { type: 'auth.password_reset', actor: null, requestId: request.id, targetType: 'user', targetIds: [link.userId], data: {} });
      });
      return reply.status(204).send(null);
    },
  );
}
