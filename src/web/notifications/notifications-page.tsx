import './messages.ts';
import './notifications.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { MarkNotificationsReadInput } from '../../domain/notifications/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { selfCommand } from '../identity/account-api.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { NotificationItem } from './notification-item.tsx';
import { NOTIFICATIONS_KEY, PER_PAGE, announceNotificationsChanged, fetchNotifications } from './notifications-api.ts';
import { NotificationSettingsCard } from './settings-card.tsx';

/** The signed-in person's notifications: read them, follow them, mark them read; and how else to hear. */
export function NotificationsPage() {
  const { state } = useSession();
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [...NOTIFICATIONS_KEY, 'list', page, unreadOnly], queryFn: () => fetchNotifications(locale, page, unreadOnly) });
  const csrfToken = state.status === 'signedIn' ? state.user.csrfToken : '';
  const mark = useMutation({
    mutationFn: (input: MarkNotificationsReadInput) => selfCommand<{ marked: number }>('notification.mark_read', input, locale, csrfToken),
    onSuccess: async () => {
      announceNotificationsChanged();
      await queries.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
  if (state.status !== 'signedIn') return null;

  const failure = mark.error instanceof ApiFailure ? mark.error.problem : undefined;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;
  const filter = (only: boolean) => {
    setUnreadOnly(only);
    setPage(1);
  };

  return (
    <Page id="notifications-title" title={t('notifications.title')}>
      <div class="notification-filters">
        <button type="button" class="button button-secondary button-inline" aria-pressed={!unreadOnly} onClick={() => filter(false)}>
          {t('notifications.list.all')}
        </button>
        <button type="button" class="button button-secondary button-inline" aria-pressed={unreadOnly} onClick={() => filter(true)}>
          {t('notifications.list.unreadOnly')}
        </button>
        {(list.data?.unread ?? 0) > 0 && (
          <button type="button" class="button button-primary button-inline" disabled={mark.isPending} aria-busy={mark.isPending} onClick={() => mark.mutate({ all: true })}>
            {t('notifications.list.markAllRead')}
          </button>
        )}
      </div>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      {list.isPending ? (
        <p class="card" role="status">
          {list.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : list.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(list.error instanceof ApiFailure ? list.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : list.data.items.length === 0 ? (
        <p class="card">{unreadOnly ? t('notifications.list.emptyUnread') : t('notifications.list.empty')}</p>
      ) : (
        <>
          <ul class="notification-list" aria-label={t('notifications.list.label')}>
            {list.data.items.map((item) => (
              <NotificationItem key={item.id} item={item} busy={mark.isPending} onRead={(ids) => mark.mutate({ ids })} />
            ))}
          </ul>
          {pages > 1 && (
            <nav class="notification-pages" aria-label={t('notifications.list.label')}>
              <button type="button" class="button button-secondary button-inline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('notifications.list.previous')}
              </button>
              <span>{t('notifications.list.pageOf', { page, pages })}</span>
              <button type="button" class="button button-secondary button-inline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('notifications.list.next')}
              </button>
            </nav>
          )}
        </>
      )}
      <NotificationSettingsCard csrfToken={csrfToken} />
    </Page>
  );
}
