import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Actor } from '../../domain/identity/actor.ts';
import { can } from '../../domain/policies/policy.ts';
import type { DbOrTx } from '../db/client.ts';
import type { Lookup } from '../db/rows.ts';
import { sessions, users, userTotp } from '../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/**
 * The staff accounts this actor may list: everyone for a holder of `user.manage`, their own
 * organisation for `user.manage:own`, nobody otherwise. Filtering happens in SQL, so a
 * record outside the scope is never even loaded.
 */
export async function listUsers(db: DbOrTx, actor: Actor, filter: { organisationId?: string } = {}): Promise<UserRow[]> {
  if (!can(actor, 'user.list')) return [];
  const conditions: SQL[] = [];
  if (actor.kind === 'user' && !actor.permissions.has('user.manage')) conditions.push(eq(users.organisationId, actor.organisationId));
  if (filter.organisationId) conditions.push(eq(users.organisationId, filter.organisationId));
  return db.select().from(users).where(and(...conditions)).orderBy(asc(users.displayName)).limit(500);
}

/** A record the actor may not read is reported exactly like one that does not exist. */
export async function findUser(db: DbOrTx, actor: Actor, id: string): Promise<UserRow | undefined> {
  const found = await lookupUser(db, actor, id);
  return found.state === 'found' ? found.row : undefined;
}

/** The same, telling a refusal from an absence, for routes that audit refusals. */
export async function lookupUser(db: DbOrTx, actor: Actor, id: string): Promise<Lookup<UserRow>> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) return { state: 'missing' };
  return can(actor, 'user.read', { userId: row.id, organisationId: row.organisationId }) ? { state: 'found', row } : { state: 'hidden', row };
}

/** Which of these users have a second factor set up (not merely begun). */
export async function usersWithSecondFactor(db: DbOrTx, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: userTotp.userId })
    .from(userTotp)
    .where(and(inArray(userTotp.userId, userIds), isNotNull(userTotp.enabledAt)));
  return new Set(rows.map((r) => r.userId));
}

/** Live sessions of the given users (expired and revoked ones are history, not sessions). */
export async function liveSessions(db: DbOrTx, userIds: string[], now = new Date()): Promise<SessionRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(sessions)
    .where(and(inArray(sessions.userId, userIds), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}
