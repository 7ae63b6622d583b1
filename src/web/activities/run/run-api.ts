import type { AttendanceTotals, HeadCount } from '../../../domain/activities/attendance.ts';
import type { KnowledgeEvaluation, LikertItemResult } from '../../../domain/activities/evaluation.ts';
import type { EvaluationKind } from '../../../domain/activities/schemas.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { ApiFailure, type ApiError, apiGet } from '../../api/client.ts';
import { type ActivityDetail, type EvaluationView, type ParticipantView, activityKeys, activityCommand, getActivity } from '../activities-api.ts';

/**
 * The calls of the attendance, evaluation and results screens, on top of the plan screens'
 * module (same cache keys, so one invalidation refreshes every activity screen).
 */
export type { ActivityDetail, AttendanceTotals, EvaluationKind, EvaluationView, HeadCount, ParticipantView };
export { activityCommand as runCommand, getActivity as getDetail };

export type ActivityPlan = ActivityDetail['activity'];

export interface ActivityResults {
  attendance: AttendanceTotals;
  knowledge: KnowledgeEvaluation | null;
  questions: { id: string; label: string }[];
  satisfaction: { items: LikertItemResult[]; labels: { id: string; label: string }[] } | null;
}

export { activityKeys as runKeys };

const base = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export const getParticipants = (id: string, locale: Locale) => apiGet<{ items: ParticipantView[] }>(`${base(id)}/participants`, locale);
export const getHeadCounts = (id: string, locale: Locale) => apiGet<{ counts: HeadCount[] }>(`${base(id)}/head-counts`, locale);
export const getEvaluations = (id: string, locale: Locale) => apiGet<{ items: EvaluationView[] }>(`${base(id)}/evaluations`, locale);
export const getResults = (id: string, locale: Locale) => apiGet<ActivityResults>(`${base(id)}/results?lang=${locale}`, locale);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The filled sheet as the raw workbook (not JSON): the server reads it and runs the import
 * command under `commandId`, so a retry after a lost answer applies it once. The sheet's
 * language is the one it was downloaded in (its headers and words), not necessarily the screen's.
 */
export async function importAttendance(id: string, file: Blob, options: { commandId: string; sheetLanguage: Locale }, locale: Locale, csrfToken: string): Promise<{ added: number; updated: number }> {
  const query = new URLSearchParams({ commandId: options.commandId, lang: options.sheetLanguage });
  let response: Response;
  let payload: unknown;
  try {
    response = await fetch(`${base(id)}/attendance/import?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': XLSX_TYPE, 'accept-language': locale, accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: file,
    });
    payload = await response.json();
  } catch {
    throw new ApiFailure({ kind: 'network' });
  }
  if (response.ok) {
    // The command receipt, or the bare result: both carry the counts.
    const result = (payload as { result?: unknown }).result ?? payload;
    return result as { added: number; updated: number };
  }
  const error = (payload as { error?: Partial<ApiError> } | null)?.error;
  if (typeof error?.code === 'string' && typeof error.message === 'string') {
    throw new ApiFailure({ kind: 'error', status: response.status, error: error as ApiError, locale });
  }
  throw new ApiFailure({ kind: 'network' });
}

/** Attendance and evaluations are recorded while the activity is confirmed or held only. */
export const isRunning = (state: string) => state === 'confirmed' || state === 'held';
