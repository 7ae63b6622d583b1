import type { NotificationView } from '../../domain/notifications/schemas.ts';
import { notificationTextKey } from '../../domain/notifications/kinds.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { safeInAppLink } from './notifications-api.ts';

interface Props {
  item: NotificationView;
  onRead(ids: string[]): void;
  busy: boolean;
}

/** One notification: the catalogue's sentence, when, and a way to it. Nothing about a person. */
export function NotificationItem({ item, onRead, busy }: Props) {
  const { locale, t } = useI18n();
  const unread = item.readAt === null;
  const link = safeInAppLink(item.link);
  const textId = `notification-${item.id}`;
  return (
    <li class={unread ? 'card notification-item is-unread' : 'card notification-item'}>
      <p id={textId} class="notification-text">
        {t(notificationTextKey(item.kind))}
      </p>
      <p class="notification-meta">
        <time dateTime={item.createdAt}>{formatDateTime(locale, item.createdAt)}</time>
        {unread && ` · ${t('notifications.list.unread')}`}
      </p>
      <div class="notification-actions">
        {link && (
          // Opening it counts as reading it; the page it leads to checks access again.
          <a href={link} aria-describedby={textId} onClick={() => unread && onRead([item.id])}>
            {t('notifications.list.open')}
          </a>
        )}
        {unread && (
          <button type="button" class="button button-secondary button-inline" aria-describedby={textId} disabled={busy} onClick={() => onRead([item.id])}>
            {t('notifications.list.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}
