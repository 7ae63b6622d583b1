import { and, arrayOverlaps, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { buildUserActor } from '../../domain/identity/roles.ts';
import type { Action } from '../../domain/policies/policy.ts';
import { can } from '../../domain/policies/policy.ts';
import type { DbOrTx } from '../db/client.ts';
import type { NotificationKind } from '../../domain/notifications/kinds.ts';
import { notificationDeliveries, notificationSettings, notifications, users } from '../db/schema/index.ts';
import { loadRoleDefinitions } from '../identity/roles.ts';
import { enqueueJob } from '../jobs/queue.ts';
import { enabledDeliveryChannels } from './channels.ts';

/** The job that sends one email or SMS; its payload is the delivery's id, nothing else. */
export const DELIVER_JOB = 'notifications.deliver';
/** With the worker's backoff (5 s doubling, capped at 1 h), tries spread over about 2.5 hours: an SMTP outage of an afternoon. */
export const DELIVERY_ATTEMPTS = 12;

export { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications/kinds.ts';

/** The permissions (with or without `:own`) through which a role may grant each audience's action; `can` decides in the end. */
const PERMISSIONS_FOR: Record<NotifyRequest['audience']['action'], readonly string[]> = {
  'referral.oversee': ['referral.oversee'],
  'referral.respond': ['referral.respond'],
  'referral.read': ['case.read', 'referral.create', 'referral.respond'],
};

export interface NotifyRequest {
  kind: NotificationKind;
  /** Who hears: the active members of this organisation (null: of any organisation) allowed this action. */
  audience: { organisationId: string | null; action: Extract<Action, 'referral.respond' | 'referral.read' | 'referral.oversee'>; sides?: { fromOrganisationId: string; toOrganisationId: string } };
  link: string;
  subjectId: string | null;
  now: Date;
}

/**
 * Writes one in-app notification per recipient, in the caller's transaction: a referral and the
 * news of it exist together or not at all. Where email or SMS is configured and the recipient
 * wants it, a delivery and its job are written in the same transaction. Returns the
 * notification ids.
 */
export async function notify(tx: DbOrTx, request: NotifyRequest): Promise<string[]> {
  const definitions = await loadRoleDefinitions(tx);
  // Only accounts holding a role that could grant the action are read: telling the coordinators
  // must not mean loading every account of every partner.
  const granting = [...definitions].filter(([, d]) => d.permissions.some((p) => PERMISSIONS_FOR[request.audience.action].includes(p.replace(/:own$/, '')))).map(([key]) => key);
  if (granting.length === 0) return [];
  const scope = and(eq(users.active, true), arrayOverlaps(users.roles, granting), request.audience.organisationId ? eq(users.organisationId, request.audience.organisationId) : undefined);
  const candidates = await tx.select({ id: users.id, organisationId: users.organisationId, roles: users.roles }).from(users).where(scope);
  const recipients = candidates.filter((u) => {
    const actor = buildUserActor(u, definitions);
    const { action, organisationId, sides } = request.audience;
    if (action === 'referral.oversee') return can(actor, 'referral.oversee');
    if (action === 'referral.respond') return can(actor, 'referral.respond', { organisationId: organisationId! });
    return sides !== undefined && can(actor, 'referral.read', sides);
  });
  if (recipients.length === 0) return [];
  const rows = recipients.map((u) => ({ id: uuidv7(), userId: u.id, kind: request.kind, link: request.link, subjectId: request.subjectId, createdAt: request.now }));
  await tx.insert(notifications).values(rows);
  await scheduleDeliveries(tx, rows, request.now);
  return rows.map((r) => r.id);
}

async function scheduleDeliveries(tx: DbOrTx, rows: { id: string; userId: string }[], now: Date): Promise<void> {
  const channels = enabledDeliveryChannels();
  if (!channels.email && !channels.sms) return;
  const preferences = await tx
    .select({ userId: notificationSettings.userId, email: notificationSettings.email, smsPhone: notificationSettings.smsPhone })
    .from(notificationSettings)
    .where(inArray(notificationSettings.userId, rows.map((r) => r.userId)));
  const byUser = new Map(preferences.map((p) => [p.userId, p]));
  const deliveries: (typeof notificationDeliveries.$inferInsert)[] = [];
  for (const row of rows) {
    const wants = byUser.get(row.userId);
    // Email is on until the person turns it off; SMS needs a number they gave.
    if (channels.email && (wants?.email ?? true)) deliveries.push({ id: uuidv7(), notificationId: row.id, channel: 'email', status: 'pending', createdAt: now });
    if (channels.sms && wants?.smsPhone) deliveries.push({ id: uuidv7(), notificationId: row.id, channel: 'sms', status: 'pending', createdAt: now });
  }
  if (deliveries.length === 0) return;
  await tx.insert(notificationDeliveries).values(deliveries);
  // One job per delivery: an SMTP outage retries the emails without texting anyone twice.
  for (const d of deliveries) await enqueueJob(tx, { kind: DELIVER_JOB, payload: { deliveryId: d.id }, maxAttempts: DELIVERY_ATTEMPTS });
}
