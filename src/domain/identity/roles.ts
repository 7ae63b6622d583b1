/**
 * Roles of a national referral mechanism. Each default role grants permissions; an
 * administrator may override a role's permissions or add a custom role (stored as data),
 * while these keys stay stable.
 */
export const ROLES = [
  'system_admin',
  'nrm_coordinator',
  'organisation_admin',
  'case_manager',
  'frontline_identifier',
  'service_focal_point',
  'bid_panel_member',
  'community_engagement_officer',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];
/** A default role's key, or a custom role's. */
export type RoleKey = string;
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * What can be granted. A bare name grants the permission everywhere; `name:own` grants it
 * within the holder's own organisation only. Later features add theirs (case.*, referral.*…).
 */
export const PERMISSIONS = [
  'organisation.create',
  'organisation.update',
  'organisation.update:own',
  'user.manage',
  'user.manage:own',
  'role.manage',
  'job.manage',
  'audit.read',
  /** Import, version and publish questionnaires (national templates). */
  'form.manage',
  /** Create API tokens for integrations (always narrower than the creator's own permissions). */
  'api_token.create',
  /** Keep directory entries (services, their places, hours, costs) current; `:own` for one's organisation's entries. */
  'directory.manage',
  'directory.manage:own',
  /** Register a person: screening, consent, identity; `:own` in one's organisation. */
  'case.register',
  'case.register:own',
  /** Read a case file with its identifying data (every read is audited). */
  'case.read',
  'case.read:own',
  /** Disclose or refer when consent does not cover it, with a reason; reviewed by the coordinator. */
  'consent.override',
  'consent.override:own',
  /** Review consent overrides across organisations. */
  'consent.review',
  /** Decide whether two cases are the same person, and merge them. */
  'case.merge',
  /** Erase or anonymise a person's identifying data on request (rights of the person). */
  'person.erase',
  'person.erase:own',
  /** Refer a case of one's organisation to a service; cancel it, record a paper outcome. */
  'referral.create',
  'referral.create:own',
  /** Answer referrals sent to one's organisation: accept, decline, record the outcome. */
  'referral.respond',
  'referral.respond:own',
  /** Follow every organisation's referrals without personal data: escalations of overdue ones. */
  'referral.oversee',
  /** Referral statistics, small cells suppressed. */
  'referral.statistics',
  /** Edit the referral pathways (the national flow chart). */
  'pathway.manage',
  /** Plan and run community activities (forums, workshops, trainings): programme, attendance, evaluations, report; `:own` for one's organisation's. */
  'activity.manage',
  'activity.manage:own',
  /** Keep the shared library of themes, exercises and questionnaires activities are built from. */
  'activity_library.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDefinition {
  permissions: readonly Permission[];
  requiresTotp: boolean;
}

export const DEFAULT_ROLES: Record<Role, RoleDefinition> = {
  system_admin: { permissions: ['organisation.create', 'organisation.update', 'user.manage', 'role.manage', 'job.manage', 'api_token.create', 'form.manage', 'directory.manage'], requiresTotp: false },
  nrm_coordinator: { permissions: ['organisation.create', 'organisation.update', 'form.manage', 'directory.manage', 'case.merge', 'consent.review', 'referral.oversee', 'referral.statistics', 'pathway.manage', 'activity.manage', 'activity_library.manage'], requiresTotp: false },
  organisation_admin: { permissions: ['organisation.update:own', 'user.manage:own', 'api_token.create'], requiresTotp: false },
  case_manager: { permissions: ['case.register:own', 'case.read:own', 'consent.override:own', 'person.erase:own', 'referral.create:own', 'referral.respond:own'], requiresTotp: false },
  frontline_identifier: { permissions: ['case.register:own', 'case.read:own', 'referral.create:own'], requiresTotp: false },
  service_focal_point: { permissions: ['directory.manage:own', 'referral.respond:own'], requiresTotp: false },
  bid_panel_member: { permissions: [], requiresTotp: false },
  community_engagement_officer: { permissions: ['activity.manage:own', 'activity_library.manage'], requiresTotp: false },
  // Aggregates only: no permission ever reaches a person's record.
  analyst: { permissions: ['referral.statistics'], requiresTotp: false },
  // Separation of duties: the audit log is read by auditors, not by the administrators it records.
  auditor: { permissions: ['audit.read'], requiresTotp: false },
};

/** Roles only a holder of `role.manage` may grant: they reach beyond one organisation. */
export const PRIVILEGED_ROLES: readonly RoleKey[] = ['system_admin', 'nrm_coordinator', 'auditor', 'analyst'];

export function isDefaultRole(key: RoleKey): key is Role {
  return (ROLES as readonly string[]).includes(key);
}

export interface RoleOverride {
  key: RoleKey;
  permissions: readonly string[];
  requiresTotp: boolean;
}

/** The role definitions in force: defaults, replaced or extended by the administrator's rows. */
export function effectiveRoles(overrides: readonly RoleOverride[]): Map<RoleKey, RoleDefinition> {
  const map = new Map<RoleKey, RoleDefinition>(Object.entries(DEFAULT_ROLES));
  for (const o of overrides) {
    map.set(o.key, { permissions: o.permissions.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p)), requiresTotp: o.requiresTotp });
  }
  return map;
}

export function permissionsOf(roleKeys: readonly RoleKey[], roles: ReadonlyMap<RoleKey, RoleDefinition>): Set<Permission> {
  const out = new Set<Permission>();
  for (const key of roleKeys) for (const p of roles.get(key)?.permissions ?? []) out.add(p);
  return out;
}

/** A signed-in user's actor, with the permissions their roles grant. */
export function buildUserActor(
  user: { id: string; organisationId: string; roles: readonly RoleKey[] },
  roles: ReadonlyMap<RoleKey, RoleDefinition>,
): { kind: 'user'; userId: string; organisationId: string; roles: readonly RoleKey[]; permissions: ReadonlySet<Permission> } {
  return { kind: 'user', userId: user.id, organisationId: user.organisationId, roles: user.roles, permissions: permissionsOf(user.roles, roles) };
}

/** Whether any of these roles obliges its holder to use a second factor. */
export function rolesRequireTotp(roleKeys: readonly RoleKey[], roles: ReadonlyMap<RoleKey, RoleDefinition>): boolean {
  return roleKeys.some((key) => roles.get(key)?.requiresTotp === true);
}

/** An API token acts as its user with only the permissions it was given: it can narrow, never widen. */
export function narrowToScopes<A extends { permissions: ReadonlySet<Permission> }>(actor: A, scopes: readonly string[]): A {
  return { ...actor, permissions: new Set([...actor.permissions].filter((p) => scopes.includes(p))) };
}
