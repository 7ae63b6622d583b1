import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { appendAudit } from '../audit/append.ts';
import type { Db } from '../db/client.ts';
import { bearerToken, lookupApiToken } from '../identity/api-tokens.ts';
import { resolveSignedIn } from '../identity/roles.ts';
import { SESSION_COOKIE, type SessionTimeouts, type SessionUser, lookupSession } from '../identity/sessions.ts';
import { resolveLocale } from './locale.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    currentUser: SessionUser | null;
    sessionTokenHash: string | null;
    /** Set when the request authenticated with an API token rather than a session. */
    apiTokenId: string | null;
    csrfToken: string | null;
    sessionExpired: boolean;
    /** A role requires a second factor this account lacks: only enrolment is open. */
    totpEnrolmentRequired: boolean;
    locale: Locale;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes reachable without a session's CSRF token: there is no session yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/login/totp', '/api/auth/password-reset']);
/** All a session may reach while its second factor is required and not set up. */
const OPEN_DURING_TOTP_ENROLMENT = new Set(['/api/auth/me', '/api/auth/logout', '/api/commands/user.totp_begin', '/api/commands/user.totp_confirm']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the credential of an API request into an actor before any route runs: an
 * `Authorization: Bearer sira_…` token (integrations; no cookie, so no CSRF), else the
 * session cookie. Checks CSRF on cookie-authenticated writes.
 */
export function registerAuth(app: FastifyInstance, db: Db, timeouts: SessionTimeouts, defaultLocale: Locale): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('currentUser', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('apiTokenId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('totpEnrolmentRequired', false);
  app.decorateRequest('locale', defaultLocale);

  app.addHook('onRequest', async (request) => {
    request.locale = resolveLocale(request, defaultLocale);
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request.headers.authorization);
    let user: SessionUser;
    let scopes: string[] | null = null;
    if (bearer !== null) {
      const found = await lookupApiToken(db, bearer);
      if (found.state !== 'valid') {
        // A wrong token is refused at once, even on a public route: the caller meant to use it.
        await db.transaction((tx) =>
          appendAudit(tx, { type: 'auth.api_token.failed', actor: null, requestId: request.id, targetType: found.userId ? 'user' : null, targetIds: found.userId ? [found.userId] : [], data: { reason: found.reason } }),
        );
        throw new SiraError('API_TOKEN_INVALID');
      }
      ({ user, scopes } = found);
      request.apiTokenId = found.tokenId;
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const found = await lookupSession(db, token, timeouts);
      if (found.state === 'expired') request.sessionExpired = true;
      if (found.state !== 'valid') return;
      user = found.user;
      request.sessionTokenHash = found.tokenHash;
      request.csrfToken = found.csrfToken;
    }
    request.currentUser = user;
    const resolved = await resolveSignedIn(db, user, scopes);
    request.actor = resolved.actor;
    request.totpEnrolmentRequired = resolved.totpEnrolmentRequired;
    request.locale = resolveLocale(request, defaultLocale);
    const route = request.routeOptions.url;
    if (resolved.totpEnrolmentRequired && route !== undefined && !OPEN_DURING_TOTP_ENROLMENT.has(route)) throw new SiraError('TOTP_ENROLMENT_REQUIRED');
  });

  app.addHook('preHandler', async (request) => {
    if (!request.csrfToken || !UNSAFE_METHODS.has(request.method)) return;
    if (CSRF_EXEMPT.has(request.routeOptions.url ?? '')) return;
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, request.csrfToken)) throw new SiraError('CSRF_INVALID');
  });
}

/** The actor of a route that needs a signed-in user; says why there is none. */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw new SiraError(request.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
