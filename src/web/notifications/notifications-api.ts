import type { Locale } from '../../domain/i18n/locales.ts';
import type { NotificationPageView, NotificationSettingsView } from '../../domain/notifications/schemas.ts';
import { apiGet } from '../api/client.ts';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const PER_PAGE = 20;

/** Told to the bell (outside the pages' query cache) whenever the page marks something read. */
export const NOTIFICATIONS_CHANGED = 'sira:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}

export function fetchNotifications(locale: Locale, page: number, unreadOnly: boolean): Promise<NotificationPageView> {
  return apiGet<NotificationPageView>(`/api/notifications?page=${page}&perPage=${PER_PAGE}${unreadOnly ? '&unread=true' : ''}`, locale);
}

/** The count alone: a few dozen bytes, asked every two minutes by the bell. */
export async function fetchUnreadCount(locale: Locale): Promise<number> {
  return (await apiGet<NotificationPageView>('/api/notifications?unread=true&perPage=0', locale)).unread;
}

export function fetchNotificationSettings(locale: Locale): Promise<NotificationSettingsView> {
  return apiGet<NotificationSettingsView>('/api/notifications/settings', locale);
}

/** Only a path inside the app is followed: a stored link never sends anyone elsewhere. */
export function safeInAppLink(link: string): string | null {
  return link.startsWith('/') && !link.startsWith('//') && !link.includes('\\') ? link : null;
}
