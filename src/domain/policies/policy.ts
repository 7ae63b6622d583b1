import { type Actor, hasRole } from '../identity/actor.ts';

/**
 * Pure authorisation: (actor, typed action, resource) → allowed. Shared by server and
 * browser, so the UI offers only what the server will accept. Issue #3 extends the
 * matrix; every action a route or command performs must be listed here.
 */
export interface OrganisationResource {
  id: string;
}

export interface PolicyActions {
  'organisation.list': undefined;
  'organisation.read': OrganisationResource;
  'organisation.create': undefined;
  'user.create': { organisationId: string };
  'job.list': undefined;
  'job.retry': undefined;
  'audit.read': undefined;
}
export type Action = keyof PolicyActions;

type Rule<A extends Action> = (actor: Actor, resource: PolicyActions[A]) => boolean;

const rules: { [A in Action]: Rule<A> } = {
  'organisation.list': (actor) => actor.kind === 'system' || actor.kind === 'user',
  // Organisations are the directory's backbone: any signed-in member may see them.
  'organisation.read': (actor) => actor.kind === 'system' || actor.kind === 'user',
  'organisation.create': (actor) => actor.kind === 'system' || hasRole(actor, 'system_admin', 'nrm_coordinator'),
  'user.create': (actor, r) =>
    actor.kind === 'system' ||
    hasRole(actor, 'system_admin') ||
    (hasRole(actor, 'organisation_admin') && actor.kind === 'user' && actor.organisationId === r.organisationId),
  'job.list': (actor) => actor.kind === 'system' || hasRole(actor, 'system_admin'),
  'job.retry': (actor) => actor.kind === 'system' || hasRole(actor, 'system_admin'),
  'audit.read': (actor) => actor.kind === 'system' || hasRole(actor, 'auditor', 'system_admin'),
};

export function can<A extends Action>(actor: Actor, action: A, ...resource: PolicyActions[A] extends undefined ? [] : [PolicyActions[A]]): boolean {
  const rule = rules[action] as Rule<A>;
  return rule(actor, resource[0] as PolicyActions[A]);
}
