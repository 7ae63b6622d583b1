import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { totpChallengeView } from '../../domain/identity/credential-schemas.ts';
import { currentUserView, loginInput } from '../../domain/identity/schemas.ts';
import { appendAudit } from '../audit/append.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { users, userTotp } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { AddressThrottle, LOCK_MS, accountKey, lockedUntil, recordFailure } from './login-throttle.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { answerSignedIn, beginSession, presentCurrentUser } from './sign-in.ts';
import { SESSION_COOKIE, type SessionTimeouts, revokeSession } from './sessions.ts';
import { issueLoginChallenge, totpLoginRoute } from './totp-login.ts';

export function identityRoutes(app: FastifyInstance, db: Db, timeouts: SessionTimeouts, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new AddressThrottle();

  r.post(
    '/api/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        summary:
          'Sign in with email and password; sets the session cookie. With a second factor, answers { totpRequired, challenge } instead, and POST /api/auth/login/totp finishes. Five failures (passwords and codes) lock the account for 15 minutes.',
        tags: ['identity'],
        body: loginInput,
        response: { 200: z.union([currentUserView, totpChallengeView]), 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const key = accountKey(email);
      const now = new Date();
      const failed = (reason: 'unknown_account' | 'bad_password' | 'inactive' | 'locked' | 'rate_limited', userId?: string) =>
        db.transaction((tx) => appendAudit(tx, { type: 'auth.login.failed', actor: null, requestId: request.id, targetType: userId ? 'user' : null, targetIds: userId ? [userId] : [], data: { reason } }));

      if (!throttle.allowed(request.ip)) {
        await failed('rate_limited');
        throw new SiraError('RATE_LIMITED');
      }
      const locked = await lockedUntil(db, key, now);
      if (locked) {
        await failed('locked');
        throw new SiraError('ACCOUNT_LOCKED', [], { minutes: Math.ceil((locked.getTime() - now.getTime()) / 60_000) });
      }
      const [user] = await db
        .select({ id: users.id, passwordHash: users.passwordHash, active: users.active, organisationId: users.organisationId, roles: users.roles })
        .from(users)
        .where(eq(users.email, email));
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || !user.active) {
        throttle.fail(request.ip);
        await db.transaction(async (tx) => {
          const reason = !user ? 'unknown_account' : !ok ? 'bad_password' : 'inactive';
          await appendAudit(tx, { type: 'auth.login.failed', actor: null, requestId: request.id, targetType: user ? 'user' : null, targetIds: user ? [user.id] : [], data: { reason } });
          const counted = await recordFailure(tx, key, now);
          if (counted.lockedUntil) {
            await appendAudit(tx, { type: 'auth.lockout', actor: null, requestId: request.id, targetType: user ? 'user' : null, targetIds: user ? [user.id] : [], data: { failures: counted.failures, minutes: LOCK_MS / 60_000 } });
          }
        });
        throw new SiraError('INVALID_CREDENTIALS');
      }
      const [totp] = await db.select({ enabledAt: userTotp.enabledAt }).from(userTotp).where(eq(userTotp.userId, user.id));
      if (totp?.enabledAt) {
        // The password was right; the failure count stays until the code is right too.
        const challenge = await db.transaction((tx) => issueLoginChallenge(tx, user.id, now));
        return { totpRequired: true as const, challenge };
      }
      const token = await db.transaction((tx) => beginSession(tx, request, user, key, timeouts, now));
      return answerSignedIn(db, request, reply, token, timeouts);
    },
  );

  // A brake of its own: codes are only tried after a right password, and each account's
  // lockout already bounds them; sharing the password brake would let one slow the other.
  totpLoginRoute(r, db, timeouts, secrets, new AddressThrottle());

  r.post(
    '/api/auth/logout',
    {
      config: { policy: 'authenticated' },
      schema: { summary: 'End this session.', tags: ['identity'], response: { 204: z.null(), 401: errorBodySchema, 403: errorBodySchema } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const tokenHash = request.sessionTokenHash;
      if (tokenHash) {
        await db.transaction(async (tx) => {
          await revokeSession(tx, tokenHash);
          await appendAudit(tx, { type: 'auth.logout', actor, requestId: request.id, data: {} });
        });
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: { summary: 'The signed-in user, what they may do, and the CSRF token for writes.', tags: ['identity'], response: { 200: currentUserView, 401: errorBodySchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.currentUser) throw new SiraError('UNAUTHENTICATED');
      return presentCurrentUser(request.currentUser, actor, request.csrfToken ?? '', request.totpEnrolmentRequired);
    },
  );
}
