import { and, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { changePasswordInput, revokeSessionInput, setLocaleInput } from '../../domain/identity/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { type CommandContext, defineCommand } from '../commands/define.ts';
import { sessions, users } from '../db/schema/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { refuseCommonPassword } from './user-commands.ts';
import { HiddenRecordError } from '../audit/denied.ts';

function self(actor: Actor): string {
  if (actor.kind !== 'user') throw new SiraError('FORBIDDEN');
  return actor.userId;
}

/**
 * The signed-in person, through a session: credentials are managed by their owner, never by
 * an integration holding an API token.
 */
export function signedInPerson(ctx: CommandContext): string {
  if (ctx.actor.kind !== 'user' || ctx.apiTokenId) throw new SiraError('FORBIDDEN');
  return ctx.actor.userId;
}

export const setLocale = defineCommand({
  name: 'user.set_locale',
  summary: 'Choose the language Sira speaks to the signed-in user.',
  input: setLocaleInput,
  result: z.object({ locale: z.enum(['fr', 'en', 'bm']) }),
  authorize({ actor }) {
    self(actor);
  },
  async handle({ tx, actor, now }, input) {
    const userId = self(actor);
    await tx.update(users).set({ locale: input.locale, updatedAt: now }).where(eq(users.id, userId));
    return { result: { locale: input.locale }, audit: { targetType: 'user', targetIds: [userId], fields: ['locale'] } };
  },
});

export const changePassword = defineCommand({
  name: 'user.change_password',
  summary: "Change the signed-in user's password (the current one is required). Other sessions end.",
  input: changePasswordInput,
  result: z.object({ changed: z.literal(true) }),
  authorize(ctx) {
    signedInPerson(ctx);
  },
  async handle(ctx, input) {
    const { tx, now, sessionTokenHash } = ctx;
    const userId = signedInPerson(ctx);
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new SiraError('VALIDATION_FAILED', [{ path: 'input.currentPassword', code: 'wrong_password' }]);
    }
    refuseCommonPassword(input.newPassword, 'input.newPassword');
    await tx.update(users).set({ passwordHash: await hashPassword(input.newPassword), passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    // Whoever may have learnt the old password is signed out everywhere but here.
    await tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ...(sessionTokenHash ? [ne(sessions.tokenHash, sessionTokenHash)] : [])));
    return { result: { changed: true as const }, audit: { targetType: 'user', targetIds: [userId], fields: ['password'] } };
  },
});

export const revokeSession = defineCommand({
  name: 'session.revoke',
  summary: 'End a session: one of the signed-in user’s own, or of someone they manage.',
  input: revokeSessionInput,
  result: z.object({ sessionId: z.uuid(), revoked: z.literal(true) }),
  async authorize({ tx, actor }, input) {
    const [row] = await tx
      .select({ userId: sessions.userId, organisationId: users.organisationId, roles: users.roles })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, input.sessionId));
    if (!row) throw new SiraError('NOT_FOUND');
    if (!can(actor, 'session.revoke', row)) throw new HiddenRecordError({ type: 'session', id: input.sessionId });
  },
  async handle({ tx, now }, input) {
    const [row] = await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, input.sessionId)).returning({ userId: sessions.userId });
    return { result: { sessionId: input.sessionId, revoked: true as const }, audit: { targetType: 'session', targetIds: [input.sessionId, row?.userId ?? ''].filter(Boolean), fields: ['revokedAt'] } };
  },
});
