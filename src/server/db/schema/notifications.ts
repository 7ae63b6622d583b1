import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An in-app notification for one user. It carries a kind and a link, never personal data: the
 * words are the catalogue's, in the reader's language, and the link opens a page that checks
 * access again.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    /** A path inside the app, e.g. `/referrals/<id>`. */
    link: text('link').notNull(),
    /** The referral (or other record) it is about, to find and expire notifications. */
    subjectId: uuid('subject_id'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** How a user also wants to hear: email (when SMTP is configured) and SMS (when a gateway is). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    email: boolean('email').notNull().default(true),
    /** A staff work phone in E.164, never a beneficiary's. */
    smsPhone: text('sms_phone'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('notification_settings_phone_check', sql`${t.smsPhone} is null or ${t.smsPhone} ~ '^\\+[1-9][0-9]{6,14}$'`)],
);

/** One delivery attempt chain per notification and channel, run by the `notifications.deliver` job. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    sentAt: ts('sent_at'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('notification_deliveries_notification_idx').on(t.notificationId),
    check('notification_deliveries_channel_check', sql`${t.channel} in ('email','sms')`),
    check('notification_deliveries_status_check', sql`${t.status} in ('pending','sent','failed')`),
  ],
);
