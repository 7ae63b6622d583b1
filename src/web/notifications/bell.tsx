import './messages.ts';
import './notifications.css';
import { useLocation } from 'preact-iso/router';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { NOTIFICATIONS_CHANGED, fetchUnreadCount } from './notifications-api.ts';

const REFRESH_MS = 2 * 60_000;

/**
 * The unread count, one tap from every page. It asks for the count only, on each navigation
 * and every two minutes while the page is in sight: no socket held open on a 2G phone.
 */
export function NotificationBell() {
  const { locale, t } = useI18n();
  const { path } = useLocation();
  const [unread, setUnread] = useState<number | undefined>();

  const refresh = useCallback(() => {
    // A failed count (offline, signed out meanwhile) leaves the last one shown.
    fetchUnreadCount(locale).then(setUnread, () => undefined);
  }, [locale]);

  useEffect(refresh, [refresh, path]);

  useEffect(() => {
    const tick = () => document.visibilityState === 'visible' && refresh();
    const timer = window.setInterval(tick, REFRESH_MS);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener(NOTIFICATIONS_CHANGED, refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener(NOTIFICATIONS_CHANGED, refresh);
    };
  }, [refresh]);

  const count = unread ?? 0;
  return (
    <a href="/notifications" class="header-button notification-bell" aria-label={t('notifications.bell', { count })} aria-current={path === '/notifications' ? 'page' : undefined}>
      <svg class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
        <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
        <path d="M10 21h4" />
      </svg>
      {count > 0 && (
        <span class="notification-count" aria-hidden="true">
          {formatNumber(locale, count)}
        </span>
      )}
    </a>
  );
}
