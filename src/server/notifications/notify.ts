import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { buildUserActor } from '../../domain/identity/roles.ts';
import type { Action } from '../../domain/policies/policy.ts';
import { can } from '../../domain/policies/policy.ts';
import type { DbOrTx } from '../db/client.ts';
import { notifications, users } from '../db/schema/index.ts';
import { loadRoleDefinitions } from '../identity/roles.ts';

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
 * news of it exist together or not at all. Returns the notification ids.
 */
export async function notify(tx: DbOrTx, request: NotifyRequest): Promise<string[]> {
  const candidates = await tx
    .select({ id: users.id, organisationId: users.organisationId, roles: users.roles })
    .from(users)
    .where(request.audience.organisationId ? and(eq(users.active, true), eq(users.organisationId, request.audience.organisationId)) : eq(users.active, true));
  const definitions = await loadRoleDefinitions(tx);
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
  return rows.map((r) => r.id);
}
