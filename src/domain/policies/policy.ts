import type { Actor } from '../identity/actor.ts';
import { PRIVILEGED_ROLES, type Permission, type RoleKey } from '../identity/roles.ts';

/**
 * Pure authorisation: (actor, typed action, resource) → allowed. Shared by server and
 * browser, so the UI offers only what the server will accept. Every action a route or a
 * command performs is listed here; the access-matrix test holds every route to it.
 */
export interface InOrganisation {
  organisationId: string;
}
export interface UserTarget extends InOrganisation {
  userId: string;
}
/** An account someone would act on: its roles decide whether an organisation's administrator may. */
export interface ManagedAccount extends UserTarget {
  roles: readonly RoleKey[];
}

export interface PolicyActions {
  'organisation.list': undefined;
  'organisation.read': { id: string };
  'organisation.create': undefined;
  'organisation.update': { id: string };
  /** Switching a partner off reaches beyond its own administrators. */
  'organisation.deactivate': { id: string };
  /** See the staff of at least one organisation (the scoped query says which). */
  'user.list': undefined;
  'user.read': UserTarget;
  'user.manage': ManagedAccount;
  'user.create': InOrganisation;
  'user.assign_roles': InOrganisation & { roles: readonly RoleKey[] };
  'session.revoke': ManagedAccount;
  'role.list': undefined;
  'role.manage': undefined;
  'job.list': undefined;
  'job.retry': undefined;
  'audit.read': undefined;
  /** Questionnaire definitions are templates without personal data: every member reads them. */
  'form.list': undefined;
  'form.read': undefined;
  'form.manage': undefined;
  'api_token.create': undefined;
  /** Everyone lists their own tokens. */
  'api_token.list': undefined;
  /** A token is revoked by its owner or by whoever manages the owner. */
  'api_token.revoke': ManagedAccount;
  /** The service directory is for every member: it is what referrals point into. */
  'service.list': undefined;
  'service.read': undefined;
  /** Create, edit, verify, deactivate a service of this organisation. */
  'service.manage': InOrganisation;
  /** Seed and edit the shared taxonomies (service types, target groups). */
  'taxonomy.manage': undefined;
  /** Register a person in this organisation; also check for duplicates and record consent. */
  'case.register': InOrganisation;
  /** See the cases of at least one organisation (the scoped query says which). */
  'case.list': undefined;
  /** Read a case file with its identifying data; export it for the person. */
  'case.read': InOrganisation;
  'consent.override': InOrganisation;
  'consent.review': undefined;
  'case.merge': undefined;
  'person.erase': InOrganisation;
  /** Refer a case of this organisation. */
  'referral.create': InOrganisation;
  /** Answer a referral received by this organisation. */
  'referral.respond': InOrganisation;
  /** See referrals on at least one side (the scoped query says which). */
  'referral.list': undefined;
  /** A referral is read by its two sides: the referrer's case readers and the receiver's responders. */
  'referral.read': ReferralSides;
  'referral.oversee': undefined;
  'referral.statistics': undefined;
  /** Pathways are the national chart: every member reads them. */
  'pathway.read': undefined;
  'pathway.manage': undefined;
  /** One's own notifications. */
  'notification.list': undefined;
  /** See the activities of at least one organisation (the scoped query says which). */
  'activity.list': undefined;
  /** An activity is read by the officers of the organisation running it and of its co-organisers. */
  'activity.read': ActivityOrganisers;
  /** Plan, edit, record attendance and evaluations, produce the report: the running organisation's officers. */
  'activity.manage': InOrganisation;
  /** The library of themes, exercises and questionnaires: templates without personal data. */
  'activity_library.read': undefined;
  'activity_library.manage': undefined;
}
/** The organisation running an activity and every organiser (the runner included). */
export interface ActivityOrganisers {
  organisationId: string;
  organiserIds: readonly string[];
}
/** The two organisations of a referral. */
export interface ReferralSides {
  fromOrganisationId: string;
  toOrganisationId: string;
}

export type Action = keyof PolicyActions;
export const ACTIONS = [
  'organisation.list',
  'organisation.read',
  'organisation.create',
  'organisation.update',
  'organisation.deactivate',
  'user.list',
  'user.read',
  'user.manage',
  'user.create',
  'user.assign_roles',
  'session.revoke',
  'role.list',
  'role.manage',
  'job.list',
  'job.retry',
  'audit.read',
  'form.list',
  'form.read',
  'form.manage',
  'api_token.create',
  'api_token.list',
  'api_token.revoke',
  'service.list',
  'service.read',
  'service.manage',
  'taxonomy.manage',
  'case.register',
  'case.list',
  'case.read',
  'consent.override',
  'consent.review',
  'case.merge',
  'person.erase',
  'referral.create',
  'referral.respond',
  'referral.list',
  'referral.read',
  'referral.oversee',
  'referral.statistics',
  'pathway.read',
  'pathway.manage',
  'notification.list',
  'activity.list',
  'activity.read',
  'activity.manage',
  'activity_library.read',
  'activity_library.manage',
] as const satisfies readonly Action[];

/** Granted everywhere, or (with `:own`) in the actor's own organisation. */
function grants(actor: Actor, permission: string, organisationId?: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.permissions.has(permission as Permission)) return true;
  return organisationId !== undefined && actor.organisationId === organisationId && actor.permissions.has(`${permission}:own` as Permission);
}

/** Granted in at least one organisation. */
function grantsSomewhere(actor: Actor, permission: string): boolean {
  return actor.kind === 'system' || actor.permissions.has(permission as Permission) || actor.permissions.has(`${permission}:own` as Permission);
}

const signedIn = (actor: Actor) => actor.kind === 'system' || actor.kind === 'user';
const isSelf = (actor: Actor, userId: string) => actor.kind === 'user' && actor.userId === userId;

/**
 * Managing an account (editing, deactivating, resetting its password or second factor, ending
 * its sessions) is managing its power: an account holding a role that reaches beyond one
 * organisation is managed only by someone who may grant that role. Otherwise an
 * organisation's administrator could take over the system administrator of their organisation.
 */
const managesAccount = (actor: Actor, target: ManagedAccount) =>
  grants(actor, 'user.manage', target.organisationId) && (grants(actor, 'role.manage') || !target.roles.some((k) => PRIVILEGED_ROLES.includes(k)));

type Rule<A extends Action> = (actor: Actor, resource: PolicyActions[A]) => boolean;

const rules: { [A in Action]: Rule<A> } = {
  // Organisations are the directory's backbone: every signed-in member sees the partners.
  'organisation.list': signedIn,
  'organisation.read': signedIn,
  'organisation.create': (a) => grants(a, 'organisation.create'),
  'organisation.update': (a, r) => grants(a, 'organisation.update', r.id),
  'organisation.deactivate': (a) => grants(a, 'organisation.update'),
  'user.list': (a) => grantsSomewhere(a, 'user.manage'),
  'user.read': (a, r) => isSelf(a, r.userId) || grants(a, 'user.manage', r.organisationId),
  'user.manage': (a, r) => !isSelf(a, r.userId) && managesAccount(a, r),
  'user.create': (a, r) => grants(a, 'user.manage', r.organisationId),
  // Roles that reach beyond one organisation are granted by role managers only.
  'user.assign_roles': (a, r) => grants(a, 'user.manage', r.organisationId) && (grants(a, 'role.manage') || r.roles.every((k) => !PRIVILEGED_ROLES.includes(k))),
  'session.revoke': (a, r) => isSelf(a, r.userId) || managesAccount(a, r),
  'role.list': (a) => grantsSomewhere(a, 'user.manage') || grants(a, 'role.manage'),
  'role.manage': (a) => grants(a, 'role.manage'),
  'job.list': (a) => grants(a, 'job.manage'),
  'job.retry': (a) => grants(a, 'job.manage'),
  'audit.read': (a) => grants(a, 'audit.read'),
  'form.list': signedIn,
  'form.read': signedIn,
  'form.manage': (a) => grants(a, 'form.manage'),
  'api_token.create': (a) => grants(a, 'api_token.create'),
  'api_token.list': signedIn,
  'api_token.revoke': (a, r) => isSelf(a, r.userId) || managesAccount(a, r),
  'service.list': signedIn,
  'service.read': signedIn,
  'service.manage': (a, r) => grants(a, 'directory.manage', r.organisationId),
  'taxonomy.manage': (a) => grants(a, 'directory.manage'),
  'case.register': (a, r) => grants(a, 'case.register', r.organisationId),
  'case.list': (a) => grantsSomewhere(a, 'case.read'),
  'case.read': (a, r) => grants(a, 'case.read', r.organisationId),
  'consent.override': (a, r) => grants(a, 'consent.override', r.organisationId),
  'consent.review': (a) => grants(a, 'consent.review'),
  'case.merge': (a) => grants(a, 'case.merge'),
  'person.erase': (a, r) => grants(a, 'person.erase', r.organisationId),
  'referral.create': (a, r) => grants(a, 'referral.create', r.organisationId) && grants(a, 'case.read', r.organisationId),
  'referral.respond': (a, r) => grants(a, 'referral.respond', r.organisationId),
  'referral.list': (a) => grantsSomewhere(a, 'referral.create') || grantsSomewhere(a, 'referral.respond') || grantsSomewhere(a, 'case.read'),
  'referral.read': (a, r) => grants(a, 'case.read', r.fromOrganisationId) || grants(a, 'referral.create', r.fromOrganisationId) || grants(a, 'referral.respond', r.toOrganisationId),
  'referral.oversee': (a) => grants(a, 'referral.oversee'),
  'referral.statistics': (a) => grants(a, 'referral.statistics'),
  'pathway.read': signedIn,
  'pathway.manage': (a) => grants(a, 'pathway.manage'),
  // One's own: an account lists its notifications (the system actor has none, but may, like everything).
  'notification.list': signedIn,
  'activity.list': (a) => grantsSomewhere(a, 'activity.manage'),
  'activity.read': (a, r) => grants(a, 'activity.manage', r.organisationId) || r.organiserIds.some((id) => grants(a, 'activity.manage', id)),
  'activity.manage': (a, r) => grants(a, 'activity.manage', r.organisationId),
  'activity_library.read': (a) => grantsSomewhere(a, 'activity.manage') || grants(a, 'activity_library.manage'),
  'activity_library.manage': (a) => grants(a, 'activity_library.manage'),
};

/** Which side of a referral the actor is on; the referrer's side wins for a referral within one organisation. */
export function referralSide(actor: Actor, r: ReferralSides): 'referrer' | 'receiver' | null {
  if (grants(actor, 'case.read', r.fromOrganisationId) || grants(actor, 'referral.create', r.fromOrganisationId)) return 'referrer';
  if (grants(actor, 'referral.respond', r.toOrganisationId)) return 'receiver';
  return null;
}

export function can<A extends Action>(actor: Actor, action: A, ...resource: PolicyActions[A] extends undefined ? [] : [PolicyActions[A]]): boolean {
  const rule = rules[action] as Rule<A>;
  return rule(actor, resource[0] as PolicyActions[A]);
}

/**
 * What the client is told the actor may do somewhere, so it shows only allowed screens.
 * The server still decides each request against the actual record.
 */
export function abilities(actor: Actor): Action[] {
  const somewhere: Record<Action, boolean> = {
    'organisation.list': signedIn(actor),
    'organisation.read': signedIn(actor),
    'organisation.create': grants(actor, 'organisation.create'),
    'organisation.update': grantsSomewhere(actor, 'organisation.update'),
    'organisation.deactivate': grants(actor, 'organisation.update'),
    'user.list': grantsSomewhere(actor, 'user.manage'),
    'user.read': grantsSomewhere(actor, 'user.manage'),
    'user.manage': grantsSomewhere(actor, 'user.manage'),
    'user.create': grantsSomewhere(actor, 'user.manage'),
    'user.assign_roles': grantsSomewhere(actor, 'user.manage'),
    'session.revoke': signedIn(actor),
    'role.list': grantsSomewhere(actor, 'user.manage') || grants(actor, 'role.manage'),
    'role.manage': grants(actor, 'role.manage'),
    'job.list': grants(actor, 'job.manage'),
    'job.retry': grants(actor, 'job.manage'),
    'audit.read': grants(actor, 'audit.read'),
    'form.list': signedIn(actor),
    'form.read': signedIn(actor),
    'form.manage': grants(actor, 'form.manage'),
    'api_token.create': grants(actor, 'api_token.create'),
    'api_token.list': signedIn(actor),
    'api_token.revoke': signedIn(actor),
    'service.list': signedIn(actor),
    'service.read': signedIn(actor),
    'service.manage': grantsSomewhere(actor, 'directory.manage'),
    'taxonomy.manage': grants(actor, 'directory.manage'),
    'case.register': grantsSomewhere(actor, 'case.register'),
    'case.list': grantsSomewhere(actor, 'case.read'),
    'case.read': grantsSomewhere(actor, 'case.read'),
    'consent.override': grantsSomewhere(actor, 'consent.override'),
    'consent.review': grants(actor, 'consent.review'),
    'case.merge': grants(actor, 'case.merge'),
    'person.erase': grantsSomewhere(actor, 'person.erase'),
    'referral.create': grantsSomewhere(actor, 'referral.create'),
    'referral.respond': grantsSomewhere(actor, 'referral.respond'),
    'referral.list': grantsSomewhere(actor, 'referral.create') || grantsSomewhere(actor, 'referral.respond') || grantsSomewhere(actor, 'case.read'),
    'referral.read': grantsSomewhere(actor, 'referral.create') || grantsSomewhere(actor, 'referral.respond') || grantsSomewhere(actor, 'case.read'),
    'referral.oversee': grants(actor, 'referral.oversee'),
    'referral.statistics': grants(actor, 'referral.statistics'),
    'pathway.read': signedIn(actor),
    'pathway.manage': grants(actor, 'pathway.manage'),
    'notification.list': signedIn(actor),
    'activity.list': grantsSomewhere(actor, 'activity.manage'),
    'activity.read': grantsSomewhere(actor, 'activity.manage'),
    'activity.manage': grantsSomewhere(actor, 'activity.manage'),
    'activity_library.read': grantsSomewhere(actor, 'activity.manage') || grants(actor, 'activity_library.manage'),
    'activity_library.manage': grants(actor, 'activity_library.manage'),
  };
  return ACTIONS.filter((a) => somewhere[a]);
}
