import { type SQL, and, asc, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Attendance, AttendanceMode, HeadCount, NamedParticipant } from '../../domain/activities/attendance.ts';
import type { ACTIVITY_LIST_VIEWS } from '../../domain/activities/schemas.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import type { DbOrTx } from '../db/client.ts';
import { activities, activityEvaluations, activityHeadCounts, activityParticipants } from '../db/schema/index.ts';
import type { ActivityRow } from './load.ts';

export type ParticipantRow = typeof activityParticipants.$inferSelect;
export type EvaluationRow = typeof activityEvaluations.$inferSelect;

/**
 * Which activities a list shows the actor, as SQL: all of them for a coordinator (or the system),
 * those their organisation runs or co-organises for an officer, none otherwise (undefined).
 */
export function listScope(actor: Actor): SQL | null | undefined {
  if (actor.kind === 'system' || actor.permissions.has('activity.manage')) return null;
  if (actor.permissions.has('activity.manage:own')) return sql`${activities.organiserIds} @> ${JSON.stringify([actor.organisationId])}::jsonb`;
  return undefined;
}

export interface ListOptions {
  view: (typeof ACTIVITY_LIST_VIEWS)[number];
  /** Today, as the calendar day activities are dated with. */
  today: string;
  limit: number;
  offset: number;
}

/** Upcoming: not over yet, soonest first. Past: over, latest first. All: latest first. */
export async function listActivities(db: DbOrTx, scope: SQL | null, o: ListOptions): Promise<{ rows: ActivityRow[]; total: number }> {
  const when = o.view === 'upcoming' ? gte(activities.endDate, o.today) : o.view === 'past' ? lt(activities.endDate, o.today) : undefined;
  const where = and(...[scope ?? undefined, when].filter((c): c is SQL => c !== undefined));
  const order = o.view === 'upcoming' ? [asc(activities.startDate), asc(activities.id)] : [desc(activities.startDate), desc(activities.id)];
  const rows = await db.select().from(activities).where(where).orderBy(...order).limit(o.limit).offset(o.offset);
  const [c] = await db.select({ n: count() }).from(activities).where(where);
  return { rows, total: Number(c?.n ?? 0) };
}

/** Distinct participants (named) or the busiest day (anonymous), per activity, for the lists. */
export async function participantCounts(db: DbOrTx, rows: readonly ActivityRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const named = rows.filter((r) => r.attendanceMode === 'named').map((r) => r.id);
  const anonymous = rows.filter((r) => r.attendanceMode === 'anonymous').map((r) => r.id);
  if (named.length) {
    const counts = await db
      .select({ id: activityParticipants.activityId, n: count() })
      .from(activityParticipants)
      .where(and(inArray(activityParticipants.activityId, named), sql`jsonb_array_length(${activityParticipants.days}) > 0`))
      .groupBy(activityParticipants.activityId);
    for (const c of counts) out.set(c.id, Number(c.n));
  }
  if (anonymous.length) {
    const perDay = db
      .select({ id: activityHeadCounts.activityId, total: sql<number>`sum(${activityHeadCounts.count})`.as('total') })
      .from(activityHeadCounts)
      .where(inArray(activityHeadCounts.activityId, anonymous))
      .groupBy(activityHeadCounts.activityId, activityHeadCounts.day)
      .as('per_day');
    const counts = await db.select({ id: perDay.id, n: sql<number>`max(${perDay.total})` }).from(perDay).groupBy(perDay.id);
    for (const c of counts) out.set(c.id, Number(c.n));
  }
  return out;
}

export async function participantRows(db: DbOrTx, activityId: string): Promise<ParticipantRow[]> {
  return db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId)).orderBy(asc(activityParticipants.createdAt), asc(activityParticipants.participantCode));
}

export async function headCounts(db: DbOrTx, activityId: string): Promise<HeadCount[]> {
  const rows = await db
    .select()
    .from(activityHeadCounts)
    .where(eq(activityHeadCounts.activityId, activityId))
    .orderBy(asc(activityHeadCounts.day), asc(activityHeadCounts.sex), asc(activityHeadCounts.ageBand), asc(activityHeadCounts.category));
  return rows.map((r) => ({ day: r.day, sex: r.sex, ageBand: r.ageBand, category: r.category, count: r.count }) as HeadCount);
}

/** A participant without the name: what attendance figures are computed from. */
export function participantFacts(r: ParticipantRow): Omit<NamedParticipant, 'name'> {
  return {
    participantCode: r.participantCode,
    sex: r.sex,
    ageBand: r.ageBand,
    category: r.category,
    consentToBeNamed: r.consentToBeNamed,
    days: r.days as number[],
  } as Omit<NamedParticipant, 'name'>;
}

/** The activity's attendance in the shape attendanceTotals() takes (names never needed). */
export async function loadAttendance(db: DbOrTx, row: Pick<ActivityRow, 'id' | 'attendanceMode'>): Promise<Attendance> {
  if ((row.attendanceMode as AttendanceMode) === 'anonymous') return { mode: 'anonymous', counts: await headCounts(db, row.id) };
  return { mode: 'named', participants: (await participantRows(db, row.id)).map(participantFacts) };
}

export async function evaluationRows(db: DbOrTx, activityId: string): Promise<EvaluationRow[]> {
  return db.select().from(activityEvaluations).where(eq(activityEvaluations.activityId, activityId)).orderBy(asc(activityEvaluations.createdAt), asc(activityEvaluations.id));
}

export async function evaluationCounts(db: DbOrTx, activityId: string): Promise<{ pre: number; post: number; satisfaction: number }> {
  const rows = await db
    .select({ kind: activityEvaluations.kind, n: count() })
    .from(activityEvaluations)
    .where(eq(activityEvaluations.activityId, activityId))
    .groupBy(activityEvaluations.kind);
  const by = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  return { pre: by.get('pre') ?? 0, post: by.get('post') ?? 0, satisfaction: by.get('satisfaction') ?? 0 };
}
