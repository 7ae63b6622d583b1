import { eq } from 'drizzle-orm';
import type { UserActor } from '../../domain/identity/actor.ts';
import { type RoleDefinition, type RoleKey, buildUserActor, effectiveRoles } from '../../domain/identity/roles.ts';
import type { DbOrTx } from '../db/client.ts';
import { roles, users } from '../db/schema/index.ts';

/** Defaults from code, with the administrator's overrides and custom roles from the table. */
export async function loadRoleDefinitions(db: DbOrTx): Promise<Map<RoleKey, RoleDefinition>> {
  const rows = await db.select({ key: roles.key, permissions: roles.permissions, requiresTotp: roles.requiresTotp }).from(roles);
  return effectiveRoles(rows);
}

export async function actorForUser(db: DbOrTx, user: { id: string; organisationId: string; roles: readonly RoleKey[] }): Promise<UserActor> {
  return buildUserActor(user, await loadRoleDefinitions(db));
}

/** The actor of a stored user (tests, CLI, benchmarks acting as someone). */
export async function actorForUserId(db: DbOrTx, userId: string): Promise<UserActor> {
  const [user] = await db.select({ id: users.id, organisationId: users.organisationId, roles: users.roles }).from(users).where(eq(users.id, userId));
  if (!user) throw new Error('no such user');
  return actorForUser(db, user);
}
