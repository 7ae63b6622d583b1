import { eq } from 'drizzle-orm';
import { isLocale } from '../../domain/i18n/locales.ts';
import { absoluteLink, outgoingMessage } from '../../domain/notifications/messages.ts';
import { now } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { notificationDeliveries, notificationSettings, notifications, users } from '../db/schema/index.ts';
import type { JobHandler } from '../jobs/worker.ts';
import type { DeliverySettings } from './channels.ts';
import { DeliveryError, type EmailSender, type SmsSender, httpSmsSender, smtpSender } from './senders.ts';

export interface Senders {
  email: EmailSender | null;
  sms: SmsSender | null;
}

export function sendersFor(settings: DeliverySettings): Senders {
  return {
    email: settings.smtpUrl ? smtpSender(settings.smtpUrl, settings.mailFrom) : null,
    sms: settings.smsUrl ? httpSmsSender(settings.smsUrl, settings.smsToken) : null,
  };
}

/**
 * Sends one delivery (`notifications.deliver`, payload `{deliveryId}`). A passing failure
 * throws, so the worker retries with its backoff; the last attempt, or a refusal that no retry
 * can change, marks the delivery `failed`. The in-app notification stays whatever happens.
 * Errors and the delivery row carry codes only: never an address or a phone number.
 */
export function deliverNotificationHandler(settings: DeliverySettings, senders: Senders = sendersFor(settings)): JobHandler {
  return async ({ db, job }) => {
    const deliveryId = (job.payload as { deliveryId?: unknown }).deliveryId;
    if (typeof deliveryId !== 'string') return;
    const [row] = await db
      .select({
        channel: notificationDeliveries.channel,
        status: notificationDeliveries.status,
        kind: notifications.kind,
        link: notifications.link,
        email: users.email,
        locale: users.locale,
        active: users.active,
        wantsEmail: notificationSettings.email,
        smsPhone: notificationSettings.smsPhone,
      })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .innerJoin(users, eq(users.id, notifications.userId))
      .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
      .where(eq(notificationDeliveries.id, deliveryId));
    // Already sent: a job run twice after a lost lease sends nothing twice. A `failed` one runs
    // again only when an administrator retried its dead job (a refusal for good ends its job).
    if (!row || row.status === 'sent') return;

    try {
      const message = outgoingMessage(isLocale(row.locale) ? row.locale : 'fr', row.kind, absoluteLink(settings.publicUrl, row.link));
      // The person's choice and account at sending time win over those when it was queued.
      if (!row.active) throw new DeliveryError('recipient_inactive', true);
      if (row.channel === 'email') {
        if (!senders.email) throw new DeliveryError('email_not_configured', true);
        if (row.wantsEmail === false) throw new DeliveryError('email_turned_off', true);
        await senders.email({ to: row.email, subject: message.subject, text: message.text });
      } else {
        if (!senders.sms) throw new DeliveryError('sms_not_configured', true);
        if (!row.smsPhone) throw new DeliveryError('sms_turned_off', true);
        await senders.sms({ to: row.smsPhone, text: message.text });
      }
    } catch (err) {
      const failure = err instanceof DeliveryError ? err : new DeliveryError('internal', false);
      const final = failure.permanent || job.attempts >= job.maxAttempts;
      await record(db, deliveryId, { status: final ? 'failed' : 'pending', lastError: failure.code });
      // A refusal for good ends here; the job succeeded in finding that out.
      if (failure.permanent) return;
      throw failure;
    }
    await record(db, deliveryId, { status: 'sent', sentAt: now(), lastError: null });
  };
}

async function record(db: Db, id: string, values: Partial<typeof notificationDeliveries.$inferInsert>): Promise<void> {
  await db.update(notificationDeliveries).set(values).where(eq(notificationDeliveries.id, id));
}
