import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { activityDays } from '../../domain/activities/activity.ts';
import type { AttendanceMode } from '../../domain/activities/attendance.ts';
import { type ActivityState, isActivityTerminal } from '../../domain/activities/lifecycle.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import { type ActivityOrganisers, can } from '../../domain/policies/policy.ts';
import { deniedRead, HiddenRecordError } from '../audit/denied.ts';
import type { CommandContext } from '../commands/define.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { activities } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';

export type ActivityRow = typeof activities.$inferSelect;

/** The policy's view of an activity: who runs it and who organises it with them. */
export function organisersOf(row: Pick<ActivityRow, 'organisationId' | 'organiserIds'>): ActivityOrganisers {
  return { organisationId: row.organisationId, organiserIds: row.organiserIds as string[] };
}

export function canReadActivity(actor: Actor, row: ActivityRow): boolean {
  return can(actor, 'activity.read', organisersOf(row));
}

export function canManageActivity(actor: Actor, row: ActivityRow): boolean {
  return can(actor, 'activity.manage', { organisationId: row.organisationId });
}

/**
 * An activity for a reader without a request at hand (documents, jobs): undefined when it does
 * not exist or the actor may not read it, which callers answer alike. Routes use
 * `readableActivity`, which also audits a refusal.
 */
export async function loadActivityForRead(db: DbOrTx, actor: Actor, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row && canReadActivity(actor, row) ? row : undefined;
}

/** An activity a read route serves: 404 when missing, 404 audited when the caller may not read it. */
export async function readableActivity(db: Db, request: FastifyRequest, id: string): Promise<{ actor: Actor; row: ActivityRow }> {
  const actor = requireActor(request);
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row) throw new SiraError('NOT_FOUND');
  if (!canReadActivity(actor, row)) throw await deniedRead(db, request, 'activity.read', 'NOT_FOUND', { type: 'activity', id });
  return { actor, row };
}

/**
 * Locks the activity for a command: a co-organiser who reads it but may not change it is told
 * so (403); anyone else is told it does not exist (404, audited by the runner).
 */
export async function lockActivityToManage(ctx: Pick<CommandContext, 'tx' | 'actor'>, id: string): Promise<ActivityRow> {
  const [row] = await ctx.tx.select().from(activities).where(eq(activities.id, id)).for('update');
  if (!row) throw new SiraError('NOT_FOUND');
  if (!canManageActivity(ctx.actor, row)) throw canReadActivity(ctx.actor, row) ? new SiraError('FORBIDDEN') : new HiddenRecordError({ type: 'activity', id });
  return row;
}

export function checkVersion(row: ActivityRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) throw new SiraError('CONFLICT');
}

const illegal = (code: string, path = 'input.activityId') => new SiraError('ACTIVITY_TRANSITION_ILLEGAL', [{ path, code }]);

/** A reported or cancelled activity is closed to every edit. */
export function checkOpen(row: ActivityRow): void {
  if (isActivityTerminal(row.state as ActivityState)) throw illegal('activity_transition_illegal');
}

/** Attendance and evaluations are recorded once confirmed (a test may be taken on day 1 before "hold") and until reported. */
export function checkRunning(row: ActivityRow): void {
  if (row.state !== 'confirmed' && row.state !== 'held') throw illegal('activity_not_running');
}

export function checkMode(row: ActivityRow, mode: AttendanceMode): void {
  if (row.attendanceMode !== mode) throw illegal('attendance_mode_mismatch');
}

export function daysOf(row: Pick<ActivityRow, 'startDate' | 'endDate'>): number {
  return activityDays(row.startDate, row.endDate);
}

/** Every change bumps the version (stale screens get CONFLICT) and the time of the last change. */
export async function touch(ctx: Pick<CommandContext, 'tx' | 'now'>, row: ActivityRow, changes: Partial<typeof activities.$inferInsert> = {}): Promise<number> {
  const version = row.version + 1;
  await ctx.tx
    .update(activities)
    .set({ ...changes, version, updatedAt: ctx.now })
    .where(eq(activities.id, row.id));
  return version;
}
