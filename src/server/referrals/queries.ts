import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { INBOX_VIEWS, type InboxView, type ReferralSummary } from '../../domain/referrals/schemas.ts';
import type { ReferralState, Urgency } from '../../domain/referrals/lifecycle.ts';
import type { DbOrTx } from '../db/client.ts';
import { cases, directoryLocations, directoryServices, referrals } from '../db/schema/index.ts';
import { organisationNames } from '../organisations/names.ts';

export type ReferralRow = typeof referrals.$inferSelect;

const OPEN: ReferralState[] = ['sent', 'overdue', 'accepted', 'in_progress'];
const CLOSED: ReferralState[] = ['declined', 'cancelled', 'completed', 'not_completed'];

/** Due soon: unanswered past the reminder point (the last quarter of its answer time). */
const dueSoonSql = (now: Date) => sql`(${referrals.state} = 'sent' and ${referrals.answerDueAt} - (${referrals.answerDueAt} - ${referrals.sentAt}) / 4 <= ${now})`;

function viewCondition(view: InboxView, now: Date): SQL {
  switch (view) {
    case 'new':
      return eq(referrals.state, 'sent');
    case 'due_soon':
      return dueSoonSql(now);
    case 'overdue':
      return eq(referrals.state, 'overdue');
    case 'open':
      return inArray(referrals.state, OPEN);
    case 'closed':
      return inArray(referrals.state, CLOSED);
  }
}

function viewOrder(view: InboxView) {
  // NULLS LAST as the index has it (a closed referral always has `closed_at`), so the index gives the order.
  return view === 'closed' ? [sql`${referrals.closedAt} desc nulls last`, sql`${referrals.id} desc nulls last`] : [asc(referrals.answerDueAt), asc(referrals.id)];
}

export interface ListOptions {
  box: 'inbox' | 'sent';
  organisationId: string;
  view: InboxView;
  caseId?: string | undefined;
  limit: number;
  offset: number;
  now: Date;
}

/**
 * One organisation's referrals, received (inbox) or sent, page by page, with a count per view for
 * the tabs: one query for the page, one for the counts, both on the (organisation, state,
 * deadline) index.
 */
export async function listReferrals(db: DbOrTx, o: ListOptions): Promise<{ rows: ReferralRow[]; counts: Record<InboxView, number>; total: number }> {
  const side = o.box === 'inbox' ? eq(referrals.toOrganisationId, o.organisationId) : eq(referrals.fromOrganisationId, o.organisationId);
  const scope = o.caseId ? and(side, eq(referrals.caseId, o.caseId))! : side;
  const rows = await db
    .select()
    .from(referrals)
    .where(and(scope, viewCondition(o.view, o.now)))
    .orderBy(...viewOrder(o.view))
    .limit(o.limit)
    .offset(o.offset);
  const [c] = await db
    .select({
      new: sql<number>`count(*) filter (where ${referrals.state} = 'sent')::int`,
      due_soon: sql<number>`count(*) filter (where ${dueSoonSql(o.now)})::int`,
      overdue: sql<number>`count(*) filter (where ${referrals.state} = 'overdue')::int`,
      open: sql<number>`count(*) filter (where ${inArray(referrals.state, OPEN)})::int`,
      closed: sql<number>`count(*) filter (where ${inArray(referrals.state, CLOSED)})::int`,
    })
    .from(referrals)
    .where(scope);
  const counts = Object.fromEntries(INBOX_VIEWS.map((v) => [v, c?.[v] ?? 0])) as Record<InboxView, number>;
  return { rows, counts, total: counts[o.view] };
}

/** Overdue referrals escalated to the coordinators, latest first. */
export async function listEscalations(db: DbOrTx, limit = 200): Promise<ReferralRow[]> {
  return db
    .select()
    .from(referrals)
    .where(and(eq(referrals.state, 'overdue'), sql`${referrals.escalatedAt} is not null`))
    .orderBy(desc(referrals.escalatedAt), desc(referrals.id))
    .limit(limit);
}

/**
 * Turns rows into summaries: service and place names, organisation names and the clear columns of
 * the case. `withCase` says whether the caller is on the referrer's side (who may see the case
 * code in a list); the receiver gets it only in a referral's detail, which is audited.
 */
export async function summarise(db: DbOrTx, rows: readonly ReferralRow[], now: Date, withCase: boolean): Promise<ReferralSummary[]> {
  if (rows.length === 0) return [];
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const locationIds = [...new Set(rows.map((r) => r.locationId).filter((id): id is string => id !== null))];
  const caseIds = [...new Set(rows.map((r) => r.caseId))];
  const [services, locations, caseRows, names] = await Promise.all([
    db.select({ id: directoryServices.id, name: directoryServices.name }).from(directoryServices).where(inArray(directoryServices.id, serviceIds)),
    locationIds.length ? db.select({ id: directoryLocations.id, name: directoryLocations.name }).from(directoryLocations).where(inArray(directoryLocations.id, locationIds)) : [],
    db.select({ id: cases.id, caseCode: cases.caseCode, ageBand: cases.ageBand, sex: cases.sex }).from(cases).where(inArray(cases.id, caseIds)),
    organisationNames(db, rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId])),
  ]);
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const caseOf = new Map(caseRows.map((c) => [c.id, c]));
  return rows.map((r) => {
    const c = caseOf.get(r.caseId);
    const reminderAt = r.answerDueAt.getTime() - (r.answerDueAt.getTime() - r.sentAt.getTime()) / 4;
    return {
      id: r.id,
      referenceCode: r.referenceCode,
      state: r.state as ReferralState,
      urgency: r.urgency as Urgency,
      serviceType: r.serviceType,
      serviceId: r.serviceId,
      serviceName: serviceName.get(r.serviceId) ?? '',
      locationName: (r.locationId && locationName.get(r.locationId)) ?? null,
      fromOrganisationId: r.fromOrganisationId,
      fromOrganisationName: names.get(r.fromOrganisationId) ?? '',
      toOrganisationId: r.toOrganisationId,
      toOrganisationName: names.get(r.toOrganisationId) ?? '',
      onPaper: r.onPaper,
      sentAt: r.sentAt.toISOString(),
      answerDueAt: r.answerDueAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      dueSoon: r.state === 'sent' && now.getTime() >= reminderAt,
      ageBand: c?.ageBand ?? '',
      sex: c?.sex ?? '',
      regionPcode: r.regionPcode,
      caseCode: withCase ? (c?.caseCode ?? null) : null,
      caseId: withCase ? r.caseId : null,
    };
  });
}
