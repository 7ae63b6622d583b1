import { describe, expect, it } from 'vitest';
import { type Actor, SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { ROLES, type Role } from '../../src/domain/identity/roles.ts';
import { can } from '../../src/domain/policies/policy.ts';

const user = (roles: Role[], organisationId = 'org-a'): Actor => ({ kind: 'user', userId: 'u', organisationId, roles });

/** The matrix so far; issue #3 extends it to every route and role. */
describe('policies', () => {
  it.each(ROLES)('organisation.create for %s', (role) => {
    expect(can(user([role]), 'organisation.create')).toBe(role === 'system_admin' || role === 'nrm_coordinator');
  });

  it.each(ROLES)('job.list and job.retry for %s', (role) => {
    expect(can(user([role]), 'job.list')).toBe(role === 'system_admin');
    expect(can(user([role]), 'job.retry')).toBe(role === 'system_admin');
  });

  it('an organisation administrator creates users in their own organisation only', () => {
    const orgAdmin = user(['organisation_admin'], 'org-a');
    expect(can(orgAdmin, 'user.create', { organisationId: 'org-a' })).toBe(true);
    expect(can(orgAdmin, 'user.create', { organisationId: 'org-b' })).toBe(false);
    expect(can(user(['case_manager'], 'org-a'), 'user.create', { organisationId: 'org-a' })).toBe(false);
    expect(can(user(['system_admin'], 'org-a'), 'user.create', { organisationId: 'org-b' })).toBe(true);
  });

  it('the system actor (CLI, jobs) may bootstrap', () => {
    expect(can(SYSTEM_CLI, 'organisation.create')).toBe(true);
    expect(can(SYSTEM_CLI, 'user.create', { organisationId: 'any' })).toBe(true);
  });

  it('a user with no role can do nothing but see organisations', () => {
    const nobody = user([]);
    expect(can(nobody, 'organisation.list')).toBe(true);
    expect(can(nobody, 'organisation.create')).toBe(false);
    expect(can(nobody, 'audit.read')).toBe(false);
  });
});
