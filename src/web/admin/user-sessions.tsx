import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type Items, type SessionItem, type UserItem, command } from './admin-api.ts';

/** The account's open sessions (devices), each of which can be ended. */
export function UserSessions({ user, me }: { user: UserItem; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const key = ['admin', 'users', user.id, 'sessions'];
  const sessions = useQuery({ queryKey: key, queryFn: () => apiGet<Items<SessionItem>>(`/api/users/${user.id}/sessions`, locale) });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => command('session.revoke', { sessionId }, locale, me.csrfToken),
    onSuccess: () => queries.invalidateQueries({ queryKey: key }),
  });
  const failure = [sessions.error, revoke.error].find((e) => e instanceof ApiFailure)?.problem;

  return (
    <section class="admin-section" aria-labelledby={`sessions-${user.id}`}>
      <h3 id={`sessions-${user.id}`}>{t('admin.sessions.title')}</h3>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {sessions.isPending ? (
        <p role="status">{t('app.loading')}</p>
      ) : (sessions.data?.items.length ?? 0) === 0 ? (
        <p>{t('admin.sessions.none')}</p>
      ) : (
        <ul class="admin-list">
          {sessions.data?.items.map((s) => (
            <li key={s.id} class="admin-session">
              <p>{s.device ?? t('admin.sessions.unknownDevice')}</p>
              <p>{t('admin.sessions.lastSeen', { date: formatDateTime(locale, s.lastSeenAt) })}</p>
              <button type="button" class="button button-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)}>
                {t('admin.sessions.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
