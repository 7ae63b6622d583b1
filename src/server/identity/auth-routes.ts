import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { type CurrentUserView, currentUserView, loginInput } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { abilities } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { AddressThrottle, LOCK_MS, accountKey, clearFailures, describeDevice, lockedUntil, recordFailure } from './login-throttle.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { actorForUser } from './roles.ts';
import { SESSION_COOKIE, type SessionTimeouts, type SessionUser, createSession, lookupSession, revokeSession } from './sessions.ts';

export function presentCurrentUser(user: SessionUser, actor: Actor, csrfToken: string): CurrentUserView {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale as Locale,
    roles: [...user.roles],
    organisation: { id: user.organisationId, name: user.organisationName },
    abilities: abilities(actor),
    csrfToken,
  };
}

export function identityRoutes(app: FastifyInstance, db: Db, timeouts: SessionTimeouts): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new AddressThrottle();

  r.post(
    '/api/auth/login',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Sign in with email and password; sets the session cookie. Five failures lock the account for 15 minutes.',
        tags: ['identity'],
        body: loginInput,
        response: { 200: currentUserView, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
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
      const created = await db.transaction(async (tx) => {
        await clearFailures(tx, key);
        const session = await createSession(tx, user.id, timeouts, now, describeDevice(request.headers['user-agent']));
        await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
        await appendAudit(tx, { type: 'auth.login.succeeded', actor: await actorForUser(tx, user), requestId: request.id, targetType: 'user', targetIds: [user.id], data: {} });
        return session;
      });
      setSessionCookie(request, reply, created.token, timeouts);
      const found = await lookupSession(db, created.token, timeouts);
      if (found.state !== 'valid') throw new SiraError('INTERNAL');
      return presentCurrentUser(found.user, await actorForUser(db, found.user), found.csrfToken);
    },
  );

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
      if (!request.currentUser || !request.csrfToken) throw new SiraError('UNAUTHENTICATED');
      return presentCurrentUser(request.currentUser, actor, request.csrfToken);
    },
  );
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, timeouts: SessionTimeouts): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(timeouts.absoluteMs / 1000),
  });
}
