import type { MessageKey } from '../i18n/translate.ts';

/** What Sira tells people about; each has words in `catalogues/notifications`, never personal data. */
export const NOTIFICATION_KINDS = [
  'referral_received',
  'referral_reminder',
  'referral_overdue',
  'referral_escalated',
  'referral_accepted',
  'referral_declined',
  'referral_started',
  'referral_completed',
  'referral_not_completed',
  'referral_cancelled',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The sentence for a kind, the same in the app, the email and the SMS. Spelt out rather than
 * built from the kind, so the catalogue tests see every key in use.
 */
export const NOTIFICATION_TEXT: Record<NotificationKind, MessageKey> = {
  referral_received: 'notifications.kind.referral_received',
  referral_reminder: 'notifications.kind.referral_reminder',
  referral_overdue: 'notifications.kind.referral_overdue',
  referral_escalated: 'notifications.kind.referral_escalated',
  referral_accepted: 'notifications.kind.referral_accepted',
  referral_declined: 'notifications.kind.referral_declined',
  referral_started: 'notifications.kind.referral_started',
  referral_completed: 'notifications.kind.referral_completed',
  referral_not_completed: 'notifications.kind.referral_not_completed',
  referral_cancelled: 'notifications.kind.referral_cancelled',
};

/** An unknown kind (a newer server, an older phone) still reads as something. */
export function notificationTextKey(kind: string): MessageKey {
  return isNotificationKind(kind) ? NOTIFICATION_TEXT[kind] : 'notifications.kind.other';
}
