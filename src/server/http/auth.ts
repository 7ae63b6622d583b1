import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { Db } from '../db/client.ts';
import { actorForUser } from '../identity/roles.ts';
import { SESSION_COOKIE, type SessionTimeouts, type SessionUser, lookupSession } from '../identity/sessions.ts';
import { resolveLocale } from './locale.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    currentUser: SessionUser | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    sessionExpired: boolean;
    locale: Locale;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes reachable without a session's CSRF token: there is no session yet. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Resolves the session cookie into an actor before any route runs, and checks CSRF on writes. */
export function registerAuth(app: FastifyInstance, db: Db, timeouts: SessionTimeouts, defaultLocale: Locale): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('currentUser', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('locale', defaultLocale);

  app.addHook('onRequest', async (request) => {
    request.locale = resolveLocale(request, defaultLocale);
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const found = await lookupSession(db, token, timeouts);
    if (found.state === 'expired') request.sessionExpired = true;
    if (found.state !== 'valid') return;
    request.currentUser = found.user;
    request.sessionTokenHash = found.tokenHash;
    request.csrfToken = found.csrfToken;
    request.actor = await actorForUser(db, { id: found.user.id, organisationId: found.user.organisationId, roles: found.user.roles });
    request.locale = resolveLocale(request, defaultLocale);
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
