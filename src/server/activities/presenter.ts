import type { ActivityType } from '../../domain/activities/activity.ts';
import type { AttendanceMode, AttendanceTotals } from '../../domain/activities/attendance.ts';
import { type ActivityState, allowedActivityEvents } from '../../domain/activities/lifecycle.ts';
import type { ActivityDetailView, ActivitySummaryView, EvaluationKind, EvaluationView, ParticipantView } from '../../domain/activities/schemas.ts';
import type { Actor } from '../../domain/identity/actor.ts';
import type { ActivityRow } from './load.ts';
import { canManageActivity } from './load.ts';
import type { EvaluationRow, ParticipantRow } from './queries.ts';

/**
 * What leaves the server about activities, field by field: a column added to a table does not
 * leave by itself. Participants' names are added by the caller, only where the policy allows.
 */
export function presentActivitySummary(row: ActivityRow, participants: number): ActivitySummaryView {
  const details = row.details as { venue?: string };
  return {
    id: row.id,
    organisationId: row.organisationId,
    type: row.type as ActivityType,
    title: row.title,
    state: row.state as ActivityState,
    locationPcode: row.locationPcode,
    venue: details.venue ?? null,
    startDate: row.startDate,
    endDate: row.endDate,
    participants,
  };
}

/** The plan as it was entered: activitySchema's output, put back together from its columns and details. */
export function storedActivity(row: ActivityRow): Record<string, unknown> {
  return { type: row.type, title: row.title, locationPcode: row.locationPcode, startDate: row.startDate, endDate: row.endDate, ...(row.details as Record<string, unknown>) };
}

export function presentActivityDetail(
  actor: Actor,
  row: ActivityRow,
  attendance: AttendanceTotals,
  evaluationCounts: ActivityDetailView['evaluationCounts'],
): ActivityDetailView {
  const canManage = canManageActivity(actor, row);
  return {
    id: row.id,
    organisationId: row.organisationId,
    state: row.state as ActivityState,
    version: row.version,
    activity: storedActivity(row),
    attendanceMode: row.attendanceMode as AttendanceMode,
    knowledgeTestFormKey: row.knowledgeTestFormKey,
    satisfactionFormKey: row.satisfactionFormKey,
    summary: row.summary,
    recommendations: row.recommendations,
    cancelReason: row.cancelReason,
    basedOnActivityId: row.basedOnActivityId,
    allowedEvents: canManage ? allowedActivityEvents(row.state as ActivityState) : [],
    canManage,
    attendance,
    evaluationCounts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentParticipant(row: ParticipantRow, name: string | null): ParticipantView {
  return {
    participantCode: row.participantCode,
    sex: row.sex as ParticipantView['sex'],
    ageBand: row.ageBand as ParticipantView['ageBand'],
    category: row.category as ParticipantView['category'],
    consentToBeNamed: row.consentToBeNamed,
    name: row.consentToBeNamed ? name : null,
    days: row.days as number[],
  };
}

export function presentEvaluation(row: EvaluationRow): EvaluationView {
  return {
    id: row.id,
    kind: row.kind as EvaluationKind,
    participantCode: row.participantCode,
    score: row.score,
    maxScore: row.maxScore,
    source: row.source as EvaluationView['source'],
    createdAt: row.createdAt.toISOString(),
  };
}
