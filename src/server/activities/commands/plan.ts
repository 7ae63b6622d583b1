import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Activity } from '../../../domain/activities/activity.ts';
import { activityDays } from '../../../domain/activities/activity.ts';
import type { AttendanceMode } from '../../../domain/activities/attendance.ts';
import { activityVersionResult, createActivityInput, createActivityResult, updateActivityInput, updateActivityReportTextsInput } from '../../../domain/activities/schemas.ts';
import { type ErrorDetail, SiraError } from '../../../domain/errors/catalogue.ts';
import { can } from '../../../domain/policies/policy.ts';
import { actingOrganisation } from '../../cases/register.ts';
import { defineCommand } from '../../commands/define.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { activities, activityHeadCounts, activityParticipants, forms, organisations } from '../../db/schema/index.ts';
import { checkOpen, checkVersion, lockActivityToManage, touch, type ActivityRow } from '../load.ts';
import { evaluationCounts } from '../queries.ts';

/** What goes in the `details` column: the plan minus what has a column of its own. */
function splitActivity(activity: Activity, owner: string) {
  const { type, title, locationPcode, startDate, endDate, ...details } = activity;
  // The running organisation is always among the organisers: it is who the partners see running it.
  const organiserIds = [...new Set([owner, ...activity.organiserOrganisationIds])];
  return { columns: { type, title, locationPcode, startDate, endDate }, details: { ...details, organiserOrganisationIds: organiserIds }, organiserIds };
}

/** Organisers and facilitators' organisations must be partners known to Sira. */
async function checkOrganisations(tx: Tx, activity: Activity): Promise<void> {
  const wanted = [...new Set([...activity.organiserOrganisationIds, ...activity.facilitators.flatMap((f) => (f.organisationId ? [f.organisationId] : []))])];
  const found = new Set((await tx.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, wanted))).map((r) => r.id));
  const problems: ErrorDetail[] = [
    ...activity.organiserOrganisationIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `input.activity.organiserOrganisationIds.${i}`, code: 'unknown_organisation' }])),
    ...activity.facilitators.flatMap((f, i) => (!f.organisationId || found.has(f.organisationId) ? [] : [{ path: `input.activity.facilitators.${i}.organisationId`, code: 'unknown_organisation' }])),
  ];
  if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
}

/** The questionnaires named must exist in the forms engine (their answers are checked against them). */
async function checkFormKeys(tx: Tx, keys: { knowledgeTestFormKey: string | null; satisfactionFormKey: string | null }): Promise<void> {
  const named = Object.entries({ knowledgeTestFormKey: keys.knowledgeTestFormKey, satisfactionFormKey: keys.satisfactionFormKey }).filter((e): e is [string, string] => e[1] !== null);
  if (named.length === 0) return;
  const found = new Set((await tx.select({ key: forms.formKey }).from(forms).where(inArray(forms.formKey, named.map(([, k]) => k)))).map((r) => r.key));
  const problems = named.filter(([, k]) => !found.has(k)).map(([field]) => ({ path: `input.${field}`, code: 'form_unknown' }));
  if (problems.length) throw new SiraError('VALIDATION_FAILED', problems);
}

/** The last day someone was recorded present, so the dates cannot shrink under recorded attendance. */
async function lastRecordedDay(tx: Tx, activityId: string): Promise<number> {
  const [named] = await queryRows<{ last: number | string | null }>(
    tx,
    sql`select max(d::int) as last from activity_participants p cross join lateral jsonb_array_elements_text(p.days) d where p.activity_id = ${activityId}`,
  );
  const [anonymous] = await tx
    .select({ last: sql<number | null>`max(${activityHeadCounts.day})` })
    .from(activityHeadCounts)
    .where(and(eq(activityHeadCounts.activityId, activityId), sql`${activityHeadCounts.count} > 0`));
  return Math.max(Number(named?.last ?? 0), Number(anonymous?.last ?? 0));
}

/** Whether attendance is already recorded in the given mode. */
export async function hasAttendanceIn(tx: Tx, activityId: string, mode: AttendanceMode): Promise<boolean> {
  const [row] =
    mode === 'named'
      ? await tx.select({ n: count() }).from(activityParticipants).where(eq(activityParticipants.activityId, activityId))
      : await tx.select({ n: count() }).from(activityHeadCounts).where(and(eq(activityHeadCounts.activityId, activityId), sql`${activityHeadCounts.count} > 0`));
  return Number(row?.n ?? 0) > 0;
}

export const createActivity = defineCommand({
  name: 'activity.create',
  summary: 'Plan a community activity (forum, workshop, training…): type, objectives, audiences, place, dates, organisers, facilitators, programme. Starts planned.',
  input: createActivityInput,
  result: createActivityResult,
  authorize(ctx, input) {
    if (!can(ctx.actor, 'activity.manage', { organisationId: actingOrganisation(ctx, input.organisationId) })) throw new SiraError('FORBIDDEN');
  },
  async handle(ctx, input) {
    const { tx, actor, now } = ctx;
    const owner = actingOrganisation(ctx, input.organisationId);
    const [ownerRow] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, owner));
    if (!ownerRow) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.organisationId', code: 'unknown_organisation' }]);
    await checkOrganisations(tx, input.activity);
    await checkFormKeys(tx, input);
    if (input.basedOnActivityId) {
      const [base] = await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, input.basedOnActivityId));
      if (!base) throw new SiraError('VALIDATION_FAILED', [{ path: 'input.basedOnActivityId', code: 'activity_unknown' }]);
    }
    const { columns, details, organiserIds } = splitActivity(input.activity, owner);
    const activityId = uuidv7();
    await tx.insert(activities).values({
      id: activityId,
      organisationId: owner,
      state: 'planned',
      ...columns,
      details,
      organiserIds,
      attendanceMode: input.attendanceMode,
      knowledgeTestFormKey: input.knowledgeTestFormKey,
      satisfactionFormKey: input.satisfactionFormKey,
      basedOnActivityId: input.basedOnActivityId,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    return {
      result: { activityId, version: 1 },
      audit: { targetType: 'activity', targetIds: [activityId], fields: ['activity', 'attendanceMode', 'knowledgeTestFormKey', 'satisfactionFormKey', ...(input.basedOnActivityId ? ['basedOnActivityId'] : [])] },
    };
  },
});

/** A questionnaire cannot be swapped once answers to it are entered: the results would mix two tests. */
async function checkFormChange(tx: Tx, row: ActivityRow, keys: { knowledgeTestFormKey: string | null; satisfactionFormKey: string | null }): Promise<void> {
  const counts = await evaluationCounts(tx, row.id);
  const problems: ErrorDetail[] = [];
  if (keys.knowledgeTestFormKey !== row.knowledgeTestFormKey && counts.pre + counts.post > 0) problems.push({ path: 'input.knowledgeTestFormKey', code: 'activity_form_in_use' });
  if (keys.satisfactionFormKey !== row.satisfactionFormKey && counts.satisfaction > 0) problems.push({ path: 'input.satisfactionFormKey', code: 'activity_form_in_use' });
  if (problems.length) throw new SiraError('ACTIVITY_TRANSITION_ILLEGAL', problems);
}

async function checkModeChange(tx: Tx, row: ActivityRow, mode: AttendanceMode): Promise<void> {
  if (mode === row.attendanceMode) return;
  if (await hasAttendanceIn(tx, row.id, row.attendanceMode as AttendanceMode)) {
    throw new SiraError('ACTIVITY_TRANSITION_ILLEGAL', [{ path: 'input.attendanceMode', code: 'attendance_mode_mismatch' }]);
  }
}

export const updateActivity = defineCommand({
  name: 'activity.update',
  summary: 'Replace the plan of an activity not yet reported or cancelled (group outputs are typed in here after the activity). Names the version it started from.',
  input: updateActivityInput,
  result: activityVersionResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockActivityToManage(ctx, input.activityId);
    checkVersion(row, input.expectedVersion);
    checkOpen(row);
    await checkOrganisations(ctx.tx, input.activity);
    await checkFormKeys(ctx.tx, input);
    await checkModeChange(ctx.tx, row, input.attendanceMode);
    await checkFormChange(ctx.tx, row, input);
    if (activityDays(input.activity.startDate, input.activity.endDate) < (await lastRecordedDay(ctx.tx, row.id))) {
      throw new SiraError('VALIDATION_FAILED', [{ path: 'input.activity.endDate', code: 'activity_day_outside_dates' }]);
    }
    const { columns, details, organiserIds } = splitActivity(input.activity, row.organisationId);
    const version = await touch(ctx, row, {
      ...columns,
      details,
      organiserIds,
      attendanceMode: input.attendanceMode,
      knowledgeTestFormKey: input.knowledgeTestFormKey,
      satisfactionFormKey: input.satisfactionFormKey,
    });
    return { result: { activityId: row.id, version }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['activity', 'attendanceMode', 'knowledgeTestFormKey', 'satisfactionFormKey'] } };
  },
});

export const updateActivityReportTexts = defineCommand({
  name: 'activity.update_report_texts',
  summary: "The report's summary and recommendations, once the activity was held.",
  input: updateActivityReportTextsInput,
  result: activityVersionResult,
  async authorize(ctx, input) {
    await lockActivityToManage(ctx, input.activityId);
  },
  async handle(ctx, input) {
    const row = await lockActivityToManage(ctx, input.activityId);
    checkVersion(row, input.expectedVersion);
    if (row.state !== 'held') throw new SiraError('ACTIVITY_TRANSITION_ILLEGAL', [{ path: 'input.activityId', code: 'activity_not_held' }]);
    const version = await touch(ctx, row, { summary: input.summary, recommendations: input.recommendations });
    return { result: { activityId: row.id, version }, audit: { targetType: 'activity', targetIds: [row.id], fields: ['summary', 'recommendations'] } };
  },
});
