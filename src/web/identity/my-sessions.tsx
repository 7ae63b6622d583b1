import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type OwnSession, selfCommand } from './account-api.ts';
import type { CurrentUser } from './session.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';

export const OWN_SESSIONS_KEY = ['account', 'sessions'];

/**
 * The devices this account is signed in on (GET /api/users/:id/sessions, open to oneself) and
 * `session.revoke` for each, or for every one but this device at once.
 */
export function MySessions({ user }: { user: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const sessions = useQuery({ queryKey: OWN_SESSIONS_KEY, queryFn: () => apiGet<{ items: OwnSession[] }>(`/api/users/${user.id}/sessions`, locale) });
  const revoke = useMutation({
    mutationFn: async (ids: string[]) => {
      // One command per session, one after another: each is applied once and audited on its own.
      for (const sessionId of ids) await selfCommand('session.revoke', { sessionId }, locale, user.csrfToken);
    },
    onSettled: () => queries.invalidateQueries({ queryKey: OWN_SESSIONS_KEY }),
    onSuccess: () => setConfirming(false),
  });
  const failure = [sessions.error, revoke.error].find((e) => e instanceof ApiFailure)?.problem;
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).map((s) => s.id);

  return (
    <section class="card" aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title">{t('shell.account.sessions')}</h2>
      <p class="hint">{t('shell.account.sessionsHint')}</p>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      {sessions.isPending ? (
        <p role="status">{sessions.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}</p>
      ) : (
        <ul class="admin-list">
          {items.map((s) => (
            <li key={s.id} class="admin-session">
              <p>
                {s.device ?? t('shell.account.unknownDevice')}
                {s.current && <strong class="session-current"> · {t('shell.account.thisDevice')}</strong>}
              </p>
              <p>{t('shell.account.lastSeen', { date: formatDateTime(locale, s.lastSeenAt) })}</p>
              {!s.current && (
                <button type="button" class="button button-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate([s.id])}>
                  {t('shell.account.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!sessions.isPending && others.length === 0 ? (
        <p>{t('shell.account.noOtherSessions')}</p>
      ) : confirming ? (
        <ConfirmInPlace
          question={t('shell.account.revokeOthersConfirm')}
          yes={t('shell.account.confirm')}
          no={t('shell.account.cancel')}
          pending={revoke.isPending}
          onConfirm={() => revoke.mutate(others)}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        others.length > 0 && (
          <button type="button" class="button button-secondary button-after" onClick={() => setConfirming(true)}>
            {t('shell.account.revokeOthers')}
          </button>
        )
      )}
    </section>
  );
}
