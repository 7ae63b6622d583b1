import { and, eq, inArray } from 'drizzle-orm';
import type { AgeBand, Sex } from '../../../domain/cases/identity.ts';
import { type Activity, type ActivityType, activityDays, type Audience } from '../../../domain/activities/activity.ts';
import type { AttendanceMode, AttendanceTotals, ParticipantCategory } from '../../../domain/activities/attendance.ts';
import type { KnowledgeEvaluation, LikertItemResult } from '../../../domain/activities/evaluation.ts';
import { BUILTIN_THEMES } from '../../../domain/activities/library-builtin.ts';
import type { ActivityState } from '../../../domain/activities/lifecycle.ts';
import { admin1Name } from '../../../domain/directory/geo.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { DbOrTx } from '../../db/client.ts';
import { activityLibraryItems } from '../../db/schema/index.ts';
import { organisationNames } from '../../organisations/names.ts';
import type { ActivityRow } from '../load.ts';
import { openParticipantName } from '../participant-name.ts';
import { participantFacts, participantRows } from '../queries.ts';
import { storedActivity } from '../presenter.ts';
import { activityResults } from '../results.ts';

/** One line of the annex and of the attendance sheet: the name only when the person agreed to be named. */
export interface ReportParticipant {
  participantCode: string;
  sex: Sex;
  ageBand: AgeBand;
  category: ParticipantCategory;
  consentToBeNamed: boolean;
  name: string | null;
  days: number[];
}

/**
 * Everything an activity's documents print, in one language, already turned into plain data:
 * the builders (report, sheet, workbook) are pure functions of it and are tested without a
 * database.
 */
export interface ActivityReportData {
  activityId: string;
  type: ActivityType;
  title: string;
  state: ActivityState;
  startDate: string;
  endDate: string;
  /** Number of calendar days (1 for a one-day activity). */
  days: number;
  venue: string | null;
  locationPcode: string;
  regionName: string | null;
  runningOrganisation: string;
  /** Names of every organiser, the running organisation first. */
  organisers: string[];
  objectives: string[];
  /** Theme texts, library codes already in words. */
  themes: string[];
  audiences: Audience[];
  facilitators: Activity['facilitators'];
  sessions: Activity['programme']['sessions'];
  groupWork: Activity['programme']['groupWork'];
  summary: string;
  recommendations: string;
  attendanceMode: AttendanceMode;
  attendance: AttendanceTotals;
  /** Named mode only; empty otherwise. */
  participants: ReportParticipant[];
  knowledge: KnowledgeEvaluation | null;
  questions: { id: string; label: string }[];
  satisfaction: { items: LikertItemResult[]; labels: { id: string; label: string }[] } | null;
}

/**
 * Named participants in their order of registration. Names are opened only when `withNames`
 * (the running organisation's officers, as on the participants screen) and only for those who
 * agreed to be named.
 */
export async function loadParticipants(db: DbOrTx, box: SecretBox, activityId: string, withNames: boolean): Promise<ReportParticipant[]> {
  const rows = await participantRows(db, activityId);
  return rows.map((r) => ({
    ...participantFacts(r),
    days: [...(r.days as number[])].sort((x, y) => x - y),
    name: withNames && r.consentToBeNamed ? openParticipantName(box, r.id, r.nameSealed) : null,
  }));
}

/**
 * Library themes are stored by code (as the planning screen does); anything else was typed in
 * for this activity and prints as it is. The stored library wins over the shipped titles, which
 * stand in where the library was never seeded.
 */
async function themeWords(db: DbOrTx, themes: string[], locale: Locale): Promise<(theme: string) => string> {
  if (themes.length === 0) return (t) => t;
  const rows = await db.select({ key: activityLibraryItems.builtinKey, title: activityLibraryItems.title }).from(activityLibraryItems).where(and(eq(activityLibraryItems.kind, 'theme'), inArray(activityLibraryItems.builtinKey, themes)));
  const titles = new Map<string, Record<string, string>>([...BUILTIN_THEMES.map((b) => [b.builtinKey, b.title] as const), ...rows.map((r) => [r.key!, r.title as Record<string, string>] as const)]);
  return (t) => {
    const title = titles.get(t);
    return title ? (title[locale] ?? title.fr ?? t) : t;
  };
}

/**
 * Loads one activity's documents' data; the caller has checked that the actor may read it. The
 * figures are the results screen's (`activityResults`), so the report and the screen agree.
 */
export async function loadActivityReportData(db: DbOrTx, box: SecretBox, row: ActivityRow, locale: Locale, options: { withNames: boolean }): Promise<ActivityReportData> {
  const activity = storedActivity(row) as Activity;
  const participants = row.attendanceMode === 'named' ? await loadParticipants(db, box, row.id, options.withNames) : [];
  const results = await activityResults(db, row, locale);
  const organiserIds = [row.organisationId, ...activity.organiserOrganisationIds.filter((id) => id !== row.organisationId)];
  const names = await organisationNames(db, organiserIds);
  const themeText = await themeWords(db, [...activity.themes, ...activity.programme.sessions.map((s) => s.theme)], locale);
  return {
    activityId: row.id,
    type: activity.type,
    title: activity.title,
    state: row.state as ActivityState,
    startDate: activity.startDate,
    endDate: activity.endDate,
    days: activityDays(activity.startDate, activity.endDate),
    venue: activity.venue ?? null,
    locationPcode: activity.locationPcode,
    regionName: admin1Name(activity.locationPcode) ?? null,
    runningOrganisation: names.get(row.organisationId) ?? '',
    organisers: organiserIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
    objectives: activity.objectives,
    themes: activity.themes.map(themeText),
    audiences: activity.audiences,
    facilitators: activity.facilitators,
    sessions: activity.programme.sessions.map((s) => ({ ...s, theme: themeText(s.theme) })),
    groupWork: activity.programme.groupWork,
    summary: row.summary,
    recommendations: row.recommendations,
    attendanceMode: row.attendanceMode as AttendanceMode,
    attendance: results.attendance,
    participants,
    knowledge: results.knowledge,
    questions: results.questions,
    satisfaction: results.satisfaction,
  };
}
