import { PRIVILEGED_ROLES, type RoleKey } from '../../domain/identity/roles.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import type { RoleItem } from './admin-api.ts';

/**
 * The server's rule, mirrored so that the screen offers only what will be accepted: roles that
 * reach beyond one organisation, and the accounts holding them, belong to role managers.
 */
export function grantableRoles(me: CurrentUser, roles: readonly RoleItem[]): RoleItem[] {
  return hasAbility(me, 'role.manage') ? [...roles] : roles.filter((r) => !PRIVILEGED_ROLES.includes(r.key as RoleKey));
}

export function mayManageAccount(me: CurrentUser, account: { id: string; roles: readonly string[] }): boolean {
  if (account.id === me.id) return false;
  return hasAbility(me, 'role.manage') || !account.roles.some((r) => PRIVILEGED_ROLES.includes(r as RoleKey));
}
