import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../domain/identity/roles.ts';
import { LOCALES } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import { groupPermissions, permissionGroup, permissionLabel, permissionScope } from './role-permissions.ts';

describe('permissions as the roles and tokens screens show them', () => {
  it.each(LOCALES)('%s: every permission has a name of its own, so a new one cannot reach the screen as a raw key', (locale) => {
    for (const permission of PERMISSIONS) {
      const key = permissionLabel(permission);
      expect(translate(locale, key), permission).not.toBe(key);
    }
  });

  it('puts every permission in a group, each exactly once', () => {
    for (const permission of PERMISSIONS) expect(permissionGroup(permission), permission).toBeDefined();
    const shown = groupPermissions().flatMap((g) => g.permissions);
    expect([...shown].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('names a scope only where the action exists in both', () => {
    expect(permissionScope('user.manage:own')).toBe('own');
    expect(permissionScope('user.manage')).toBe('all');
    expect(permissionScope('role.manage')).toBeUndefined();
    expect(permissionLabel('user.manage:own')).toBe(permissionLabel('user.manage'));
  });

  it('shows only the permissions a role holds, and ignores names it does not know', () => {
    expect(groupPermissions(['audit.read', 'case.fly'])).toEqual([{ key: 'oversight', permissions: ['audit.read'] }]);
  });
});
