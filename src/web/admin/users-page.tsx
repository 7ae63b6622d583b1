import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import type { Items, RoleItem, UserItem } from './admin-api.ts';
import { UserCreateForm } from './user-create-form.tsx';
import { UserRow } from './user-row.tsx';
import { grantableRoles } from './privileged.ts';

/** For administrators: the staff accounts they manage (own organisation, or all for a system administrator). */
export function UsersPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: () => apiGet<Items<UserItem>>('/api/users', locale) });
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => apiGet<Items<RoleItem>>('/api/roles', locale) });
  if (state.status !== 'signedIn') return null;
  const me = state.user;

  const needle = search.trim().toLocaleLowerCase();
  const shown = (users.data?.items ?? []).filter((u) => !needle || u.displayName.toLocaleLowerCase().includes(needle) || u.email.toLocaleLowerCase().includes(needle));

  return (
    <Page id="users-title" title={t('nav.users')}>
      {creating ? (
        <UserCreateForm me={me} roles={grantableRoles(me, roles.data?.items ?? [])} onDone={() => setCreating(false)} />
      ) : (
        <button type="button" class="button button-primary button-inline" onClick={() => setCreating(true)}>
          {t('admin.users.new')}
        </button>
      )}
      <div class="field admin-search">
        <label for="users-search">{t('admin.users.search')}</label>
        <input id="users-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      </div>
      {users.isPending ? (
        <p class="card" role="status">
          {users.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : users.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(users.error instanceof ApiFailure ? users.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : shown.length === 0 ? (
        <p class="card">{t('admin.users.none')}</p>
      ) : (
        <ul class="admin-list" aria-labelledby="users-title">
          {shown.map((user) => (
            <UserRow key={user.id} user={user} roles={roles.data?.items ?? []} me={me} />
          ))}
        </ul>
      )}
    </Page>
  );
}
