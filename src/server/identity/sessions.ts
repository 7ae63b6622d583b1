import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { RoleKey } from '../../domain/identity/roles.ts';
import type { DbOrTx } from '../db/client.ts';
import { organisations, sessions, users, userTotp } from '../db/schema/index.ts';

export const SESSION_COOKIE = 'sira_session';

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  roles: RoleKey[];
  organisationId: string;
  organisationName: string;
  /** Signs in with a second factor. */
  totpEnabled: boolean;
}

export type SessionLookup =
  | { state: 'valid'; user: SessionUser; csrfToken: string; tokenHash: string }
  | { state: 'expired' }
  | { state: 'invalid' };

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: DbOrTx, userId: string, timeouts: SessionTimeouts, now = new Date(), device: string | null = null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = randomUUID();
  await db.insert(sessions).values({
    id,
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + timeouts.absoluteMs),
    device,
  });
  return { id, token, csrfToken };
}

/** Idle activity is recorded at most once a minute, to spare writes on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function lookupSession(db: DbOrTx, token: string, timeouts: SessionTimeouts, now = new Date()): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, roles: users.roles, active: users.active, organisationId: users.organisationId },
      organisationName: organisations.name,
      totpEnabledAt: userTotp.enabledAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row || row.session.revokedAt || !row.user.active) return { state: 'invalid' };
  const idleDeadline = row.session.lastSeenAt.getTime() + timeouts.idleMs;
  if (now.getTime() >= row.session.expiresAt.getTime() || now.getTime() >= idleDeadline) return { state: 'expired' };
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const { active: _active, ...user } = row.user;
  return { state: 'valid', user: { ...user, roles: user.roles, organisationName: row.organisationName, totpEnabled: row.totpEnabledAt !== null }, csrfToken: row.session.csrfToken, tokenHash };
}

export async function revokeSession(db: DbOrTx, tokenHash: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Removes sessions that can no longer be used; run by a recurring job. */
export async function purgeSessions(db: DbOrTx, timeouts: SessionTimeouts, now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - timeouts.idleMs);
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff), sql`${sessions.revokedAt} is not null`))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
