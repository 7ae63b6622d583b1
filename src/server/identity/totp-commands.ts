import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { totpBeginInput, totpCodeInput, totpEnrolmentView } from '../../domain/identity/credential-schemas.ts';
import { userIdInput } from '../../domain/identity/schemas.ts';
import { defineCommand } from '../commands/define.ts';
import { users, userTotp } from '../db/schema/index.ts';
import { accountKey, lockedUntil } from './login-throttle.ts';
import { signedInPerson } from './self-commands.ts';
import { loadManagedUser, revokeAllSessions } from './user-commands.ts';
import { checkTotp, lockTotp, newTotpSecret, recordTotpFailure, totpQrSvg, totpSecretContext, totpUri, useTotpCode } from './totp.ts';

const wrongCode = () => new SiraError('VALIDATION_FAILED', [{ path: 'input.code', code: 'totp_invalid' }]);

export const beginTotp = defineCommand({
  name: 'user.totp_begin',
  summary: 'Start setting up a second factor: returns, once, the secret, its otpauth:// URI and a QR code (SVG) for an authenticator app. Nothing changes at sign-in until user.totp_confirm.',
  input: totpBeginInput,
  result: z.object({ pending: z.literal(true) }),
  ephemeral: totpEnrolmentView,
  authorize(ctx) {
    signedInPerson(ctx);
  },
  async handle(ctx) {
    const userId = signedInPerson(ctx);
    const row = await lockTotp(ctx.tx, userId);
    if (row?.enabledAt) throw new SiraError('CONFLICT');
    const [user] = await ctx.tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const secret = newTotpSecret();
    const sealed = ctx.secrets().seal(secret, totpSecretContext(userId));
    const values = { userId, pendingSecret: sealed, pendingSince: ctx.now, updatedAt: ctx.now };
    await ctx.tx.insert(userTotp).values(values).onConflictDoUpdate({ target: userTotp.userId, set: values });
    const uri = totpUri(secret, user?.email ?? userId);
    return {
      result: { pending: true as const },
      ephemeral: { secret, uri, qrSvg: await totpQrSvg(uri) },
      audit: { targetType: 'user', targetIds: [userId], fields: ['totpPending'] },
    };
  },
});

export const confirmTotp = defineCommand({
  name: 'user.totp_confirm',
  summary: 'Finish setting up the second factor with a code from the authenticator app; from then on sign-in asks for a code.',
  input: totpCodeInput,
  result: z.object({ enabled: z.literal(true) }),
  authorize(ctx) {
    signedInPerson(ctx);
  },
  async handle(ctx, input) {
    const userId = signedInPerson(ctx);
    const row = await lockTotp(ctx.tx, userId);
    if (!row?.pendingSecret || row.enabledAt) throw new SiraError('CONFLICT');
    // A typo here locks nobody out: whoever holds this session chose the secret being confirmed.
    const verdict = checkTotp(ctx.secrets().openText(row.pendingSecret, totpSecretContext(userId)), input.code, null, ctx.now);
    if (!verdict.ok) throw wrongCode();
    await ctx.tx
      .update(userTotp)
      .set({ secret: row.pendingSecret, enabledAt: ctx.now, pendingSecret: null, pendingSince: null, lastUsedStep: verdict.step, updatedAt: ctx.now })
      .where(eq(userTotp.userId, userId));
    return { result: { enabled: true as const }, audit: { targetType: 'user', targetIds: [userId], fields: ['totp'] } };
  },
});

export const disableTotp = defineCommand({
  name: 'user.totp_disable',
  summary: 'Switch the second factor off (a current code is required). If a role requires one, only enrolment stays open until a new one is set up.',
  input: totpCodeInput,
  result: z.object({ enabled: z.literal(false) }),
  authorize(ctx) {
    signedInPerson(ctx);
  },
  async handle(ctx, input) {
    const userId = signedInPerson(ctx);
    const [user] = await ctx.tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const row = await lockTotp(ctx.tx, userId);
    if (!user || !row?.enabledAt) throw new SiraError('CONFLICT');
    const locked = await lockedUntil(ctx.tx, accountKey(user.email), ctx.now);
    if (locked) throw new SiraError('ACCOUNT_LOCKED', [], { minutes: Math.ceil((locked.getTime() - ctx.now.getTime()) / 60_000) });
    // Someone holding a stolen session must not be able to guess their way to switching it off.
    const verdict = await useTotpCode(ctx.tx, ctx.secrets(), row, input.code, ctx.now);
    if (!verdict.ok) {
      const reason = verdict.reason;
      ctx.keepOnFailure((tx) => recordTotpFailure(tx, { userId, email: user.email, reason, actor: ctx.actor, requestId: ctx.requestId, commandId: ctx.commandId, now: ctx.now }));
      throw wrongCode();
    }
    await ctx.tx.delete(userTotp).where(eq(userTotp.userId, userId));
    return { result: { enabled: false as const }, audit: { targetType: 'user', targetIds: [userId], fields: ['totp'] } };
  },
});

/**
 * For a person who lost the phone holding their codes: an administrator who manages the
 * account removes its second factor. Every session of that person ends too, since a lost
 * phone may be a stolen one; at the next sign-in a role that requires a second factor leads
 * straight to enrolling a new one.
 */
export const resetTotp = defineCommand({
  name: 'user.totp_reset',
  summary: "Remove a staff account's second factor (lost phone) and end its sessions; an administrator who manages the account only.",
  input: userIdInput,
  result: z.object({ userId: z.uuid(), secondFactor: z.literal(false) }),
  async authorize(ctx, input) {
    await loadManagedUser(ctx.tx, ctx.actor, input.userId);
  },
  async handle({ tx, now }, input) {
    const removed = await tx.delete(userTotp).where(eq(userTotp.userId, input.userId)).returning({ userId: userTotp.userId });
    if (removed.length === 0) throw new SiraError('CONFLICT');
    await revokeAllSessions(tx, input.userId, now);
    return { result: { userId: input.userId, secondFactor: false as const }, audit: { targetType: 'user', targetIds: [input.userId], fields: ['totp', 'sessions'] } };
  },
});
