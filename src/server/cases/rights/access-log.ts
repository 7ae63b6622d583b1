import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

/** What happened to the record, in words the person's export translates (`personExport.event.<action>`). */
export const ACCESS_ACTIONS = [
  'registered',
  'consent_recorded',
  'consent_withdrawn',
  'disclosed',
  'link_requested',
  'merged',
  'link_dismissed',
  'erased',
  'changed',
  'viewed',
  'exported',
  'merge_review',
  'duplicate_check',
  'consent_overridden',
  'access_denied',
  'referred',
  'referral_answered',
  'referral_viewed',
  'referral_printed',
  'referral_overdue',
  'other',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

const BY_COMMAND: Record<string, AccessAction> = {
  'case.register': 'registered',
  'consent.record': 'consent_recorded',
  'consent.withdraw': 'consent_withdrawn',
  'case.disclose': 'disclosed',
  'case.request_link': 'link_requested',
  'case.merge': 'merged',
  'case.dismiss_link': 'link_dismissed',
  'person.erase': 'erased',
  'referral.create': 'referred',
};
const BY_PURPOSE: Record<string, AccessAction> = { file: 'viewed', rights_export: 'exported', merge_review: 'merge_review' };

export interface AccessEntry {
  occurredAt: string;
  type: string;
  action: AccessAction;
  /** The acting organisation; null for Sira's own jobs, or where naming it would say what another organisation holds. */
  organisationId: string | null;
}

function actionOf(type: string, data: Record<string, unknown>): AccessAction {
  if (type === 'command.applied') return BY_COMMAND[String(data.command)] ?? (String(data.command).startsWith('referral.') ? 'referral_answered' : 'changed');
  if (type === 'referral.viewed') return 'referral_viewed';
  if (type === 'referral.form_printed') return 'referral_printed';
  if (type === 'referral.overdue') return 'referral_overdue';
  if (type === 'case.viewed') return BY_PURPOSE[String(data.purpose)] ?? 'viewed';
  if (type === 'case.duplicates_checked') return 'duplicate_check';
  if (type === 'consent.overridden') return 'consent_overridden';
  if (type === 'access.denied') return 'access_denied';
  return 'other';
}

/**
 * Every audit event about the case: when, what, and which organisation acted. Never who: the
 * staff's names are other people's personal data. A duplicate check run by another
 * organisation is listed without its name, since the check promises not to tell the holder of a
 * record who was looking for a match (the person still learns their data was compared).
 */
export async function accessLog(db: DbOrTx, caseId: string, caseOrganisationId: string): Promise<AccessEntry[]> {
  // target_ids has no index: an export is rare, and the scan reads one narrow column.
  const rows = await db
    .select({ occurredAt: auditEvents.occurredAt, type: auditEvents.type, organisationId: auditEvents.actorOrganisationId, data: auditEvents.data })
    .from(auditEvents)
    .where(sql`${auditEvents.targetIds} @> array[${caseId}]::text[]`)
    .orderBy(asc(auditEvents.seq));
  return rows.map((r) => {
    const action = actionOf(r.type, (r.data ?? {}) as Record<string, unknown>);
    const hidden = action === 'duplicate_check' && r.organisationId !== caseOrganisationId;
    return { occurredAt: r.occurredAt.toISOString(), type: r.type, action, organisationId: hidden ? null : r.organisationId };
  });
}
