import type { Permission, RoleKey } from './roles.ts';

/** Who is acting. `system` is Sira itself (jobs, CLI bootstrap), never a person. */
export type Actor =
  | { kind: 'user'; userId: string; organisationId: string; roles: readonly RoleKey[]; permissions: ReadonlySet<Permission> }
  | { kind: 'system'; reason: 'cli' | 'job' | 'bootstrap' };
export type UserActor = Extract<Actor, { kind: 'user' }>;

export const SYSTEM_CLI: Actor = { kind: 'system', reason: 'cli' };
export const SYSTEM_JOB: Actor = { kind: 'system', reason: 'job' };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorOrganisationId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.organisationId : null;
}

export function hasRole(actor: Actor, ...roles: RoleKey[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => roles.includes(r));
}
