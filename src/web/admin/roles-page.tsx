import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import type { Items, RoleDetail } from './admin-api.ts';
import { RoleForm } from './role-form.tsx';
import { roleLabel } from './role-label.ts';
import { PermissionLabel } from './role-permission-label.tsx';
import { groupLabel, groupPermissions } from './role-permissions.ts';

/** The roles in force and what each allows; editable by role managers, readable by account managers. */
export function RolesPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => apiGet<Items<RoleDetail>>('/api/roles', locale) });
  if (state.status !== 'signedIn') return null;
  const me = state.user;
  const editable = hasAbility(me, 'role.manage');

  return (
    <Page id="roles-title" title={t('nav.roles')}>
      <p class="card">{editable ? t('roles.intro') : t('roles.readOnly')}</p>
      {roles.isPending ? (
        <p class="card" role="status">
          {roles.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : roles.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(roles.error instanceof ApiFailure ? roles.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : (
        <ul class="admin-list" aria-labelledby="roles-title">
          {roles.data.items.map((role) => (
            <RoleItemCard key={role.key} role={role} roles={roles.data.items} me={me} editable={editable} />
          ))}
        </ul>
      )}
    </Page>
  );
}

/** A role: what it allows at a glance; its form opens on demand, so a phone is not ten screens of boxes. */
function RoleItemCard({ role, roles, me, editable }: { role: RoleDetail; roles: readonly RoleDetail[]; me: CurrentUser; editable: boolean }) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState(false);
  const name = roleLabel(locale, role.key, roles);
  const origin = !role.isDefault ? t('roles.custom') : role.customised ? t('roles.customised') : t('roles.default');
  return (
    <li class="card admin-item">
      <h2 class="admin-item-title">{name}</h2>
      <p class="role-origin">{origin}</p>
      {open ? (
        <div class="admin-details">
          <RoleForm role={role} name={name} me={me} />
        </div>
      ) : (
        <RoleSummary role={role} />
      )}
      {editable && (
        <button type="button" class="button button-secondary button-after" aria-expanded={open} aria-label={t(open ? 'roles.closeName' : 'roles.editName', { name })} onClick={() => setOpen(!open)}>
          {open ? t('roles.close') : t('roles.edit')}
        </button>
      )}
    </li>
  );
}

/** What a role allows, in words. */
function RoleSummary({ role }: { role: RoleDetail }) {
  const { t } = useI18n();
  const groups = groupPermissions(role.permissions);
  return (
    <>
      {groups.length === 0 ? (
        <p>{t('roles.noPermission')}</p>
      ) : (
        groups.map((group) => (
          <div key={group.key} class="role-group">
            <h3>{t(groupLabel(group.key))}</h3>
            <ul>
              {group.permissions.map((permission) => (
                <li key={permission}>
                  <PermissionLabel permission={permission} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      <p>{role.requiresTotp ? t('roles.totpRequired') : t('roles.totpOptional')}</p>
    </>
  );
}
