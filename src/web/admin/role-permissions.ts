import { PERMISSIONS, type Permission } from '../../domain/identity/roles.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';

/**
 * Permissions as an administrator reads them: grouped by what they reach, each named in
 * words, with `name:own` shown as the same action limited to the holder's organisation.
 */
export interface PermissionGroup {
  key: 'organisations' | 'directory' | 'cases' | 'referrals' | 'community' | 'accounts' | 'operations' | 'oversight';
  permissions: Permission[];
}

const GROUP_OF: Record<string, PermissionGroup['key']> = {
  organisation: 'organisations',
  directory: 'directory',
  case: 'cases',
  consent: 'cases',
  person: 'cases',
  referral: 'referrals',
  pathway: 'referrals',
  activity: 'community',
  activity_library: 'community',
  user: 'accounts',
  role: 'accounts',
  api_token: 'accounts',
  form: 'operations',
  job: 'operations',
  audit: 'oversight',
};

/** The group a permission is shown in; undefined for one no group was given yet (a test asks for one). */
export function permissionGroup(permission: string): PermissionGroup['key'] | undefined {
  return GROUP_OF[permission.split('.')[0] ?? ''];
}

/** Groups in a fixed order; a permission not given a group yet is still shown, under "operations". */
export function groupPermissions(permissions: readonly string[] = PERMISSIONS): PermissionGroup[] {
  const groups: PermissionGroup[] = (['organisations', 'directory', 'cases', 'referrals', 'community', 'accounts', 'operations', 'oversight'] as const).map((key) => ({ key, permissions: [] }));
  for (const p of permissions) {
    if (!(PERMISSIONS as readonly string[]).includes(p)) continue;
    const key = permissionGroup(p) ?? 'operations';
    groups.find((g) => g.key === key)?.permissions.push(p as Permission);
  }
  return groups.filter((g) => g.permissions.length > 0);
}

export const groupLabel = (key: PermissionGroup['key']) => `roles.group.${key}` as MessageKey;

/** The action's name, the same for `x` and `x:own`. */
export function permissionLabel(permission: string): MessageKey {
  return `roles.permission.${permission.replace(/:own$/, '').replace('.', '_')}` as MessageKey;
}

export type PermissionScope = 'all' | 'own' | undefined;

/** Where it applies, said only for actions that exist in both scopes. */
export function permissionScope(permission: string): PermissionScope {
  if (permission.endsWith(':own')) return 'own';
  return (PERMISSIONS as readonly string[]).includes(`${permission}:own`) ? 'all' : undefined;
}

export const scopeLabel = (scope: 'all' | 'own') => `roles.scope.${scope}` as MessageKey;
