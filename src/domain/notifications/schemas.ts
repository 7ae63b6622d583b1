import { z } from 'zod';

/**
 * A staff member's work phone in E.164 ("+22370112233"): where Sira may text "a referral
 * awaits you". Never a beneficiary's number. Spaces, dots and dashes people type are dropped.
 */
export const STAFF_PHONE_PATTERN = /^\+[1-9][0-9]{6,14}$/;
export const staffPhoneSchema = z
  .string()
  .transform((v) => v.replace(/[\s.\-()]/g, ''))
  .pipe(z.string().regex(STAFF_PHONE_PATTERN));

export const notificationSettingsInput = z
  .object({
    email: z.boolean(),
    smsPhone: staffPhoneSchema.nullable(),
  })
  .strict();
export type NotificationSettingsInput = z.input<typeof notificationSettingsInput>;

export const notificationSettingsView = z.object({
  email: z.boolean(),
  smsPhone: z.string().nullable(),
  /** Whether the server can send email at all (SMTP configured), so the form says so. */
  emailAvailable: z.boolean(),
  smsAvailable: z.boolean(),
});
export type NotificationSettingsView = z.infer<typeof notificationSettingsView>;

/** One's own notifications only: by ids, or all the unread ones at once. */
export const markNotificationsReadInput = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

export const NOTIFICATIONS_PER_PAGE = 20;

export const notificationListQuery = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    /** `perPage=0` answers the unread count alone: what the header bell asks every two minutes. */
    perPage: z.coerce.number().int().min(0).max(100).default(NOTIFICATIONS_PER_PAGE),
    lang: z.string().optional(),
  })
  .strict();

export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** A path inside the app; the page it opens checks access again. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPageView = z.object({
  items: z.array(notificationView),
  /** Unread notifications in all, whatever the page. */
  unread: z.number().int(),
  /** Notifications matching the filter, for paging. */
  total: z.number().int(),
});
export type NotificationPageView = z.infer<typeof notificationPageView>;
