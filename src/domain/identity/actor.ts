import type { Role } from './roles.ts';

/** Who is acting. `system` is Sira itself (jobs, CLI bootstrap), never a person. */
export type Actor =
  | { kind: 'user'; userId: string; organisationId: string; roles: readonly Role[] }
  | { kind: 'system'; reason: 'cli' | 'job' | 'bootstrap' };

export const SYSTEM_CLI: Actor = { kind: 'system', reason: 'cli' };
export const SYSTEM_JOB: Actor = { kind: 'system', reason: 'job' };

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export function actorOrganisationId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.organisationId : null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((r) => roles.includes(r));
}
