import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { type UserItem, command } from './admin-api.ts';

/**
 * For a person who lost the phone with their codes: the administrator removes the second
 * factor (the server also ends that person's sessions); they set up a new one at next sign-in.
 */
export function UserSecondFactor({ user, me }: { user: UserItem; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation({
    mutationFn: () => command('user.totp_reset', { userId: user.id }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
  });
  const failure = reset.error instanceof ApiFailure ? reset.error.problem : undefined;
  const name = user.displayName;
  return (
    <section class="admin-section" aria-labelledby={`second-factor-${user.id}`}>
      <h3 id={`second-factor-${user.id}`}>{t('admin.secondFactor.title')}</h3>
      <p>{user.secondFactor ? t('admin.secondFactor.on') : t('admin.secondFactor.off')}</p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {user.secondFactor &&
        (confirming ? (
          <ConfirmInPlace
            question={t('admin.secondFactor.confirm', { name })}
            yes={t('admin.confirm')}
            no={t('admin.cancel')}
            pending={reset.isPending}
            onConfirm={() => reset.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="button button-secondary" aria-label={t('admin.secondFactor.resetName', { name })} onClick={() => setConfirming(true)}>
            {t('admin.secondFactor.reset')}
          </button>
        ))}
    </section>
  );
}
