import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import type { RoleKey } from '../../domain/identity/roles.ts';
import type { CurrentUserView } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { abilities } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { users } from '../db/schema/index.ts';
import { clearFailures, describeDevice } from './login-throttle.ts';
import { actorForUser, resolveSignedIn } from './roles.ts';
import { SESSION_COOKIE, type SessionTimeouts, type SessionUser, createSession, lookupSession } from './sessions.ts';

export function presentCurrentUser(user: SessionUser, actor: Actor, csrfToken: string, totpEnrolmentRequired: boolean): CurrentUserView {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale as Locale,
    roles: [...user.roles],
    organisation: { id: user.organisationId, name: user.organisationName },
    abilities: totpEnrolmentRequired ? [] : abilities(actor),
    csrfToken,
    totpEnabled: user.totpEnabled,
    totpEnrolmentRequired,
  };
}

/**
 * The last step of every sign-in (password alone, or password then code), inside the
 * caller's transaction: the failure count is cleared only here, so a right password
 * followed by wrong codes keeps counting toward the lockout.
 */
export async function beginSession(
  tx: DbOrTx,
  request: FastifyRequest,
  user: { id: string; organisationId: string; roles: readonly RoleKey[] },
  accountKey: string,
  timeouts: SessionTimeouts,
  now: Date,
): Promise<string> {
  await clearFailures(tx, accountKey);
  const session = await createSession(tx, user.id, timeouts, now, describeDevice(request.headers['user-agent']));
  await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
  await appendAudit(tx, { type: 'auth.login.succeeded', actor: await actorForUser(tx, user), requestId: request.id, targetType: 'user', targetIds: [user.id], data: {} });
  return session.token;
}

/** Sets the cookie of a session just begun and answers as GET /api/auth/me would. */
export async function answerSignedIn(db: Db, request: FastifyRequest, reply: FastifyReply, token: string, timeouts: SessionTimeouts): Promise<CurrentUserView> {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: Math.floor(timeouts.absoluteMs / 1000),
  });
  const found = await lookupSession(db, token, timeouts);
  if (found.state !== 'valid') throw new SiraError('INTERNAL');
  const { actor, totpEnrolmentRequired } = await resolveSignedIn(db, found.user);
  return presentCurrentUser(found.user, actor, found.csrfToken, totpEnrolmentRequired);
}
