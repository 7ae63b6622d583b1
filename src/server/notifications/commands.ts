import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { markNotificationsReadInput, notificationSettingsInput } from '../../domain/notifications/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import { notificationSettings, notifications } from '../db/schema/index.ts';

/** Notifications are a person's own: nobody reads or changes another's. */
function owner(actor: Actor): string {
  if (actor.kind !== 'user' || !can(actor, 'notification.list')) throw new SiraError('FORBIDDEN');
  return actor.userId;
}

export const markNotificationsRead = defineCommand({
  name: 'notification.mark_read',
  summary: "Mark some of the signed-in user's notifications as read, or all of them. Others' ids are ignored.",
  input: markNotificationsReadInput,
  result: z.object({ marked: z.number().int() }),
  authorize({ actor }) {
    owner(actor);
  },
  async handle({ tx, actor, now }, input) {
    const userId = owner(actor);
    const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where('ids' in input ? and(mine, inArray(notifications.id, input.ids)) : mine)
      .returning({ id: notifications.id });
    // "All" may be hundreds after a holiday: the audit names the person, not each notification.
    const audit = 'ids' in input ? { targetType: 'notification', targetIds: marked.map((m) => m.id) } : { targetType: 'user', targetIds: [userId] };
    return { result: { marked: marked.length }, audit: { ...audit, fields: ['readAt'] } };
  },
});

export const updateNotificationSettings = defineCommand({
  name: 'notification.settings.update',
  summary: 'Choose whether the signed-in user also hears by email, and the work phone that gets SMS.',
  input: notificationSettingsInput,
  result: z.object({ email: z.boolean(), sms: z.boolean() }),
  authorize({ actor }) {
    owner(actor);
  },
  async handle({ tx, actor, now }, input) {
    const userId = owner(actor);
    const values = { email: input.email, smsPhone: input.smsPhone, updatedAt: now };
    await tx
      .insert(notificationSettings)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: values });
    // The result and the audit say whether there is a phone, never which.
    return { result: { email: input.email, sms: input.smsPhone !== null }, audit: { targetType: 'user', targetIds: [userId], fields: ['notificationEmail', 'notificationSmsPhone'] } };
  },
});
