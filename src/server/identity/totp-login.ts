import { randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { totpLoginInput } from '../../domain/identity/credential-schemas.ts';
import { currentUserView } from '../../domain/identity/schemas.ts';
import { appendAudit } from '../audit/append.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { loginChallenges, users } from '../db/schema/index.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { type AddressThrottle, accountKey, lockedUntil } from './login-throttle.ts';
import { type SessionTimeouts, hashToken } from './sessions.ts';
import { answerSignedIn, beginSession } from './sign-in.ts';
import { lockTotp, recordTotpFailure, useTotpCode } from './totp.ts';

const CHALLENGE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/** A right password on an account with a second factor: what the code must come back with. */
export async function issueLoginChallenge(tx: DbOrTx, userId: string, now: Date): Promise<string> {
  const challenge = randomBytes(32).toString('base64url');
  await tx.insert(loginChallenges).values({ tokenHash: hashToken(challenge), userId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_MS) });
  return challenge;
}

export async function purgeLoginChallenges(db: DbOrTx, now = new Date()): Promise<void> {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}

type Outcome = { state: 'signed_in'; token: string } | { state: 'challenge_invalid' } | { state: 'bad_code' } | { state: 'locked'; until: Date };

export function totpLoginRoute(app: FastifyInstance, db: Db, timeouts: SessionTimeouts, secrets: () => SecretBox, throttle: AddressThrottle): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/auth/login/totp',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Finish a sign-in with the code of the authenticator app; sets the session cookie. A challenge lasts 5 minutes and allows 5 codes; wrong codes count toward the account lockout.',
        tags: ['identity'],
        body: totpLoginInput,
        response: { 200: currentUserView, 400: errorBodySchema, 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const now = new Date();
      if (!throttle.allowed(request.ip)) {
        await db.transaction((tx) => appendAudit(tx, { type: 'auth.login.failed', actor: null, requestId: request.id, data: { reason: 'rate_limited' } }));
        throw new SiraError('RATE_LIMITED');
      }
      // One transaction that answers rather than throws, so that refusals (attempts, lockout
      // count, audit) are committed as surely as a success.
      const outcome = await db.transaction(async (tx): Promise<Outcome> => {
        const [challenge] = await tx.select().from(loginChallenges).where(eq(loginChallenges.tokenHash, hashToken(request.body.challenge))).for('update');
        const [user] = challenge
          ? await tx.select({ id: users.id, email: users.email, active: users.active, organisationId: users.organisationId, roles: users.roles }).from(users).where(eq(users.id, challenge.userId))
          : [];
        const totp = user ? await lockTotp(tx, user.id) : undefined;
        if (!challenge || !user || challenge.usedAt || challenge.expiresAt <= now || challenge.attempts >= MAX_ATTEMPTS || !user.active || !totp?.enabledAt) {
          await appendAudit(tx, { type: 'auth.totp.failed', actor: null, requestId: request.id, targetType: user ? 'user' : null, targetIds: user ? [user.id] : [], data: { reason: 'challenge_invalid' } });
          return { state: 'challenge_invalid' };
        }
        const key = accountKey(user.email);
        const until = await lockedUntil(tx, key, now);
        if (until) {
          await appendAudit(tx, { type: 'auth.login.failed', actor: null, requestId: request.id, targetType: 'user', targetIds: [user.id], data: { reason: 'locked' } });
          return { state: 'locked', until };
        }
        const verdict = await useTotpCode(tx, secrets(), totp, request.body.code, now);
        if (!verdict.ok) {
          await tx.update(loginChallenges).set({ attempts: challenge.attempts + 1 }).where(eq(loginChallenges.tokenHash, challenge.tokenHash));
          await recordTotpFailure(tx, { userId: user.id, email: user.email, reason: verdict.reason, actor: null, requestId: request.id, now });
          return { state: 'bad_code' };
        }
        await tx.update(loginChallenges).set({ usedAt: now }).where(eq(loginChallenges.tokenHash, challenge.tokenHash));
        return { state: 'signed_in', token: await beginSession(tx, request, user, key, timeouts, now) };
      });
      switch (outcome.state) {
        case 'signed_in':
          return answerSignedIn(db, request, reply, outcome.token, timeouts);
        case 'locked':
          throw new SiraError('ACCOUNT_LOCKED', [], { minutes: Math.ceil((outcome.until.getTime() - now.getTime()) / 60_000) });
        case 'bad_code':
          throttle.fail(request.ip);
          throw new SiraError('TOTP_INVALID');
        default:
          throttle.fail(request.ip);
          throw new SiraError('TOTP_CHALLENGE_INVALID');
      }
    },
  );
}
