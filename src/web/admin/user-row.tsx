import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type RoleItem, type UserItem, command } from './admin-api.ts';
import { roleLabel } from './role-label.ts';
import { UserEditForm } from './user-edit-form.tsx';
import { UserResetLink } from './user-reset-link.tsx';
import { UserSecondFactor } from './user-second-factor.tsx';
import { UserSessions } from './user-sessions.tsx';
import { grantableRoles, mayManageAccount } from './privileged.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';

interface Props {
  user: UserItem;
  roles: readonly RoleItem[];
  me: CurrentUser;
}

/** One account: who, roles, state, and deactivate/reactivate after a confirmation. */
export function UserRow({ user, roles, me }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const toggle = useMutation({
    mutationFn: () => command(user.active ? 'user.deactivate' : 'user.reactivate', { userId: user.id }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
  const failure = toggle.error instanceof ApiFailure ? toggle.error.problem : undefined;
  const name = user.displayName;

  return (
    <li class="card admin-item">
      <h2 class="admin-item-title">{name}</h2>
      <p>{user.email}</p>
      <p>{user.roles.map((r) => roleLabel(locale, r, roles)).join(', ')}</p>
      <p class={user.active ? 'admin-state' : 'admin-state is-inactive'}>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {!mayManageAccount(me, user) ? (
        <p class="hint">{t(user.id === me.id ? 'admin.users.selfHint' : 'admin.users.privilegedHint')}</p>
      ) : confirming ? (
        <ConfirmInPlace
          question={t(user.active ? 'admin.users.deactivateConfirm' : 'admin.users.reactivateConfirm', { name })}
          yes={t('admin.confirm')}
          no={t('admin.cancel')}
          pending={toggle.isPending}
          onConfirm={() => toggle.mutate()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" class="button button-secondary button-after" aria-label={t(user.active ? 'admin.users.deactivateName' : 'admin.users.reactivateName', { name })} onClick={() => setConfirming(true)}>
          {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
        </button>
      )}
      {mayManageAccount(me, user) && (
        <button type="button" class="button button-secondary button-after" aria-expanded={open} aria-label={t('admin.users.manageName', { name })} onClick={() => setOpen(!open)}>
          {t('admin.users.manage')}
        </button>
      )}
      {open && mayManageAccount(me, user) && (
        <div class="admin-details">
          <UserEditForm user={user} roles={grantableRoles(me, roles)} me={me} />
          <UserResetLink user={user} me={me} />
          <UserSecondFactor user={user} me={me} />
          <UserSessions user={user} me={me} />
        </div>
      )}
    </li>
  );
}
