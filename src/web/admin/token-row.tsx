import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type ApiTokenItem, command } from './admin-api.ts';
import { PermissionLabel } from './role-permission-label.tsx';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';

/** One token: what it may do, its dates, and revocation after a confirmation. */
export function TokenRow({ token, me, now }: { token: ApiTokenItem; me: CurrentUser; now: number }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => command('api_token.revoke', { tokenId: token.id }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const failure = revoke.error instanceof ApiFailure ? revoke.error.problem : undefined;
  const name = token.name;
  const expired = token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
  const date = (iso: string) => formatDateTime(locale, iso);

  return (
    <li class="card admin-item">
      <h3 class="admin-item-title">{name}</h3>
      {token.scopes.length === 0 ? (
        <p>{t('tokens.noScope')}</p>
      ) : (
        <ul class="token-scopes" aria-label={t('tokens.scopesOf', { name })}>
          {token.scopes.map((scope) => (
            <li key={scope}>
              <PermissionLabel permission={scope} />
            </li>
          ))}
        </ul>
      )}
      <p>{t('tokens.createdAt', { date: date(token.createdAt) })}</p>
      <p>{token.lastUsedAt ? t('tokens.lastUsed', { date: date(token.lastUsedAt) }) : t('tokens.neverUsed')}</p>
      <p>{token.expiresAt ? t(expired ? 'tokens.expired' : 'tokens.expires', { date: date(token.expiresAt) }) : t('tokens.noExpiry')}</p>
      <p class={token.revokedAt || expired ? 'admin-state is-inactive' : 'admin-state'}>
        {token.revokedAt ? t('tokens.revokedAt', { date: date(token.revokedAt) }) : expired ? t('tokens.stateExpired') : t('tokens.active')}
      </p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {token.revokedAt ? null : confirming ? (
        <ConfirmInPlace question={t('tokens.revokeConfirm', { name })} yes={t('admin.confirm')} no={t('admin.cancel')} pending={revoke.isPending} onConfirm={() => revoke.mutate()} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="button" class="button button-secondary" aria-label={t('tokens.revokeName', { name })} onClick={() => setConfirming(true)}>
          {t('tokens.revoke')}
        </button>
      )}
    </li>
  );
}
