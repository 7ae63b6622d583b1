import type { Activity } from '../../domain/activities/activity.ts';
import type { AttendanceTotals } from '../../domain/activities/attendance.ts';
import type { ActivityDetailView, ActivityPageView, ActivitySummaryView, EvaluationView, ParticipantView } from '../../domain/activities/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** Type-only shapes of the activities API (the bundle gets no zod) and the calls the pages make. */
export type { ActivityDetailView, ActivityPageView, ActivitySummaryView, EvaluationView, ParticipantView };

export type ActivityListView = 'upcoming' | 'past' | 'all';

/**
 * The detail as the pages use it: `activity` and `attendance` are `unknown` in the view schema
 * (jsonb passed through), their shapes are the domain's.
 */
export type ActivityDetail = Omit<ActivityDetailView, 'activity' | 'attendance'> & { activity: Activity; attendance: AttendanceTotals };

/**
 * Every key starts with 'activities' so one invalidation after a command refreshes the list,
 * the page and the run screens (attendance, evaluations, results) together.
 */
export const activityKeys = {
  all: ['activities'] as const,
  list: (view: ActivityListView, page: number) => ['activities', 'list', view, page] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  participants: (id: string) => ['activities', 'detail', id, 'participants'] as const,
  headCounts: (id: string) => ['activities', 'detail', id, 'head-counts'] as const,
  evaluations: (id: string) => ['activities', 'detail', id, 'evaluations'] as const,
  results: (id: string, lang: Locale) => ['activities', 'detail', id, 'results', lang] as const,
};

export const ACTIVITIES_PER_PAGE = 25;

const base = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export function listActivities(view: ActivityListView, page: number, locale: Locale): Promise<ActivityPageView> {
  const params = new URLSearchParams({ view, page: String(page), perPage: String(ACTIVITIES_PER_PAGE) });
  return apiGet<ActivityPageView>(`/api/activities?${params}`, locale);
}

export const getActivity = (id: string, locale: Locale) => apiGet<ActivityDetail>(base(id), locale);
export const listParticipants = (id: string, locale: Locale) => apiGet<{ items: ParticipantView[] }>(`${base(id)}/participants`, locale);
export const listEvaluations = (id: string, locale: Locale) => apiGet<{ items: EvaluationView[] }>(`${base(id)}/evaluations`, locale);

/** Downloads are plain links (the cookie goes along); the language is the document's, not necessarily the screen's. */
export const reportPath = (id: string, format: 'docx' | 'pdf', lang: Locale) => `${base(id)}/report.${format}?lang=${lang}`;
export const attendanceSheetPath = (id: string, lang: Locale, rows: number) => `${base(id)}/attendance-sheet.pdf?lang=${lang}&rows=${rows}`;
export const attendanceTemplatePath = (id: string, lang: Locale) => `${base(id)}/attendance-template.xlsx?lang=${lang}`;

/** Where each activity screen lives, so links between the two helpers' pages stay in one place. */
export const activityPaths = {
  list: '/activities',
  new: '/activities/new',
  copy: (fromId: string) => `/activities/new?from=${encodeURIComponent(fromId)}`,
  detail: (id: string) => `/activities/${encodeURIComponent(id)}`,
  edit: (id: string) => `/activities/${encodeURIComponent(id)}/edit`,
  attendance: (id: string) => `/activities/${encodeURIComponent(id)}/attendance`,
  evaluations: (id: string) => `/activities/${encodeURIComponent(id)}/evaluations`,
  results: (id: string) => `/activities/${encodeURIComponent(id)}/results`,
  library: '/activities/library',
};

/** A command (`activity.*`): the receipt's result, or an ApiFailure thrown. Pass `id` so a retry is applied once. */
export async function activityCommand<R>(name: string, input: unknown, locale: Locale, csrfToken: string, id?: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken, ...(id ? { id } : {}) });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

export interface ActivityVersion {
  activityId: string;
  version: number;
}
