import { describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { DEFAULT_ROLES, ROLES, type RoleKey, buildUserActor, effectiveRoles, narrowToScopes, rolesRequireTotp } from '../../src/domain/identity/roles.ts';
import { ACTIONS, abilities, can } from '../../src/domain/policies/policy.ts';

const defaults = effectiveRoles([]);
const user = (roles: RoleKey[], organisationId = 'org-a', id = 'u-1'): Actor => buildUserActor({ id, organisationId, roles }, defaults);
const other = { userId: 'u-2', organisationId: 'org-b', roles: ['case_manager'] as RoleKey[] };
const colleague = { userId: 'u-3', organisationId: 'org-a', roles: ['case_manager'] as RoleKey[] };

/** The expected answer for each default role, written out rather than derived from the rules. */
const EXPECTED: Record<string, RoleKey[]> = {
  'organisation.create': ['system_admin', 'nrm_coordinator'],
  'organisation.update own': ['system_admin', 'nrm_coordinator', 'organisation_admin'],
  'organisation.update other': ['system_admin', 'nrm_coordinator'],
  'user.manage colleague': ['system_admin', 'organisation_admin'],
  'user.manage other organisation': ['system_admin'],
  'role.manage': ['system_admin'],
  'job.list': ['system_admin'],
  'audit.read': ['auditor'],
  'api_token.create': ['system_admin', 'organisation_admin'],
  'service.manage own': ['system_admin', 'nrm_coordinator', 'service_focal_point'],
  'service.manage other': ['system_admin', 'nrm_coordinator'],
  'taxonomy.manage': ['system_admin', 'nrm_coordinator'],
};

describe('policy matrix over the default roles', () => {
  it.each(ROLES)('%s', (role) => {
    const a = user([role]);
    const got: Record<string, boolean> = {
      'organisation.create': can(a, 'organisation.create'),
      'organisation.update own': can(a, 'organisation.update', { id: 'org-a' }),
      'organisation.update other': can(a, 'organisation.update', { id: 'org-b' }),
      'user.manage colleague': can(a, 'user.manage', colleague),
      'user.manage other organisation': can(a, 'user.manage', other),
      'role.manage': can(a, 'role.manage'),
      'job.list': can(a, 'job.list'),
      'audit.read': can(a, 'audit.read'),
      'api_token.create': can(a, 'api_token.create'),
      'service.manage own': can(a, 'service.manage', { organisationId: 'org-a' }),
      'service.manage other': can(a, 'service.manage', { organisationId: 'org-b' }),
      'taxonomy.manage': can(a, 'taxonomy.manage'),
    };
    for (const [check, allowed] of Object.entries(EXPECTED)) expect(got[check], `${role}: ${check}`).toBe(allowed.includes(role));
    // Everyone signed in sees the partner organisations, and may end their own sessions.
    expect(can(a, 'organisation.list')).toBe(true);
    expect(can(a, 'session.revoke', { userId: 'u-1', organisationId: 'org-a', roles: ['case_manager'] })).toBe(true);
    // …and list and revoke their own API tokens.
    expect(can(a, 'api_token.list')).toBe(true);
    expect(can(a, 'api_token.revoke', { userId: 'u-1', organisationId: 'org-a', roles: ['case_manager'] })).toBe(true);
    // …and search the service directory, which every referral points into.
    expect(can(a, 'service.list')).toBe(true);
    expect(can(a, 'service.read')).toBe(true);
  });
});

describe('directory policy', () => {
  it('a service focal point keeps its own organisation’s entries only; the taxonomy is the coordinator’s', () => {
    const focal = user(['service_focal_point']);
    expect(can(focal, 'service.manage', { organisationId: 'org-a' })).toBe(true);
    expect(can(focal, 'service.manage', { organisationId: 'org-b' })).toBe(false);
    expect(can(focal, 'taxonomy.manage')).toBe(false);
    expect(abilities(focal)).toEqual(expect.arrayContaining(['service.list', 'service.read', 'service.manage']));
    expect(abilities(focal)).not.toContain('taxonomy.manage');
    expect(abilities(user(['case_manager']))).not.toContain('service.manage');
    const focalUser = buildUserActor({ id: 'u-1', organisationId: 'org-a', roles: ['service_focal_point'] }, defaults);
    expect(can(narrowToScopes(focalUser, []), 'service.manage', { organisationId: 'org-a' })).toBe(false);
  });
});

describe('policy rules', () => {
  it('nobody manages their own account through administration (no self-escalation)', () => {
    const admin = user(['system_admin']);
    expect(can(admin, 'user.manage', { userId: 'u-1', organisationId: 'org-a', roles: ['case_manager'] })).toBe(false);
    expect(can(admin, 'user.read', { userId: 'u-1', organisationId: 'org-a' })).toBe(true);
  });

  it('an organisation administrator grants ordinary roles only, in their own organisation', () => {
    const orgAdmin = user(['organisation_admin']);
    expect(can(orgAdmin, 'user.assign_roles', { organisationId: 'org-a', roles: ['case_manager', 'organisation_admin'] })).toBe(true);
    expect(can(orgAdmin, 'user.assign_roles', { organisationId: 'org-a', roles: ['case_manager', 'system_admin'] })).toBe(false);
    expect(can(orgAdmin, 'user.assign_roles', { organisationId: 'org-a', roles: ['analyst'] })).toBe(false);
    expect(can(orgAdmin, 'user.assign_roles', { organisationId: 'org-b', roles: ['case_manager'] })).toBe(false);
    expect(can(user(['system_admin']), 'user.assign_roles', { organisationId: 'org-b', roles: ['auditor'] })).toBe(true);
  });

  it('an organisation administrator does not manage an account holding a role beyond one organisation', () => {
    const orgAdmin = user(['organisation_admin']);
    for (const role of ['system_admin', 'nrm_coordinator', 'auditor', 'analyst'] as RoleKey[]) {
      const target = { userId: 'u-9', organisationId: 'org-a', roles: ['case_manager', role] };
      expect(can(orgAdmin, 'user.read', target), role).toBe(true);
      expect(can(orgAdmin, 'user.manage', target), role).toBe(false);
      expect(can(orgAdmin, 'session.revoke', target), role).toBe(false);
      expect(can(orgAdmin, 'api_token.revoke', target), role).toBe(false);
      expect(can(user(['system_admin']), 'user.manage', target), role).toBe(true);
    }
    expect(can(orgAdmin, 'user.manage', { userId: 'u-9', organisationId: 'org-a', roles: ['organisation_admin'] })).toBe(true);
  });

  it('a session is revoked by its owner or by whoever manages the owner', () => {
    expect(can(user(['case_manager']), 'session.revoke', colleague)).toBe(false);
    expect(can(user(['organisation_admin']), 'session.revoke', colleague)).toBe(true);
    expect(can(user(['organisation_admin']), 'session.revoke', other)).toBe(false);
  });

  it('follows an administrator’s override of a default role', () => {
    const roles = effectiveRoles([{ key: 'case_manager', permissions: ['user.manage:own', 'not.a.permission'], requiresTotp: true }]);
    const a = buildUserActor({ id: 'u-1', organisationId: 'org-a', roles: ['case_manager'] }, roles);
    expect(can(a, 'user.manage', colleague)).toBe(true);
    expect(roles.get('case_manager')).toEqual({ permissions: ['user.manage:own'], requiresTotp: true });
  });

  it('gives a custom role exactly its permissions, and an unknown role none', () => {
    const roles = effectiveRoles([{ key: 'regional_focal_point', permissions: ['organisation.update:own'], requiresTotp: false }]);
    expect(can(buildUserActor({ id: 'u', organisationId: 'org-a', roles: ['regional_focal_point'] }, roles), 'organisation.update', { id: 'org-a' })).toBe(true);
    expect(buildUserActor({ id: 'u', organisationId: 'org-a', roles: ['no_such_role'] }, roles).permissions.size).toBe(0);
  });

  it('an API token is revoked by its owner or by whoever manages the owner', () => {
    expect(can(user(['case_manager']), 'api_token.revoke', colleague)).toBe(false);
    expect(can(user(['organisation_admin']), 'api_token.revoke', colleague)).toBe(true);
    expect(can(user(['organisation_admin']), 'api_token.revoke', other)).toBe(false);
    expect(can(user(['system_admin']), 'api_token.revoke', other)).toBe(true);
  });

  it('an API token only narrows its user’s permissions', () => {
    const admin = buildUserActor({ id: 'u-1', organisationId: 'org-a', roles: ['organisation_admin'] }, defaults);
    const narrowed = narrowToScopes(admin, ['organisation.update:own', 'role.manage']);
    expect([...narrowed.permissions]).toEqual(['organisation.update:own']);
    expect(can(narrowed, 'organisation.update', { id: 'org-a' })).toBe(true);
    expect(can(narrowed, 'user.manage', colleague)).toBe(false);
  });

  it('knows which roles require a second factor', () => {
    const roles = effectiveRoles([{ key: 'case_manager', permissions: [], requiresTotp: true }]);
    expect(rolesRequireTotp(['frontline_identifier', 'case_manager'], roles)).toBe(true);
    expect(rolesRequireTotp(['frontline_identifier'], roles)).toBe(false);
    expect(rolesRequireTotp(['no_such_role'], roles)).toBe(false);
  });

  it('the system actor (CLI, jobs) may do everything', () => {
    for (const action of ACTIONS) expect(abilities(SYSTEM_CLI)).toContain(action);
  });

  it('tells the client what it may do somewhere', () => {
    expect(abilities(user(['auditor']))).toEqual(['organisation.list', 'organisation.read', 'session.revoke', 'audit.read', 'form.list', 'form.read', 'api_token.list', 'api_token.revoke', 'service.list', 'service.read', 'pathway.read', 'notification.list']);
    expect(abilities(user(['organisation_admin']))).toEqual(
      expect.arrayContaining(['organisation.update', 'user.list', 'user.manage', 'user.create', 'role.list']),
    );
    expect(abilities(user(['organisation_admin']))).not.toContain('role.manage');
  });

  it('every default role is defined', () => {
    expect(Object.keys(DEFAULT_ROLES).sort()).toEqual([...ROLES].sort());
  });
});
