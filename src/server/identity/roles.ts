import { eq } from 'drizzle-orm';
import type { UserActor } from '../../domain/identity/actor.ts';
import { type RoleDefinition, type RoleKey, buildUserActor, effectiveRoles, narrowToScopes, rolesRequireTotp } from '../../domain/identity/roles.ts';
import type { DbOrTx } from '../db/client.ts';
import { roles, users } from '../db/schema/index.ts';
import type { SessionUser } from './sessions.ts';

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

/**
 * The actor of a signed-in request, narrowed to an API token's scopes when it came with one,
 * and whether a role obliges this account to set up a second factor it does not have yet.
 */
export async function resolveSignedIn(db: DbOrTx, user: SessionUser, scopes: readonly string[] | null = null): Promise<{ actor: UserActor; totpEnrolmentRequired: boolean }> {
  const definitions = await loadRoleDefinitions(db);
  const actor = buildUserActor(user, definitions);
  return { actor: scopes ? narrowToScopes(actor, scopes) : actor, totpEnrolmentRequired: !user.totpEnabled && rolesRequireTotp(user.roles, definitions) };
}
