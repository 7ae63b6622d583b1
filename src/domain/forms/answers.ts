import { z } from 'zod';
import type { Question } from './definition.ts';

/**
 * A submission's answers, keyed by question name (names are unique in a form, and groups
 * only arrange the screen, so they add no level). A repeat's answers are a list of the same
 * shape, one entry per instance.
 */
export type AnswerValue = string | number | boolean | readonly string[] | null;
export interface Answers {
  readonly [name: string]: AnswerValue | readonly Answers[] | undefined;
}

/** Why an answer is refused; the web app shows a translated message for each code. */
export const ANSWER_ISSUE_CODES = ['required', 'constraint', 'invalid_value', 'invalid_choice', 'unknown_question', 'repeat_count', 'read_only'] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];

const answerValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(200)).max(200), z.null()]);
export const answersSchema: z.ZodType<Answers> = z.lazy(() => z.record(z.string().max(64), z.union([answerValue, z.array(answersSchema).max(500)])));

/** The text the XML instance holds for an answer, as ODK stores it. */
export function serializeAnswer(question: Question, value: AnswerValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'boolean') return question.type === 'acknowledge' ? (value ? 'OK' : '') : value ? 'true' : 'false';
  return String(value);
}

export function isEmptyAnswer(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);
}

/** Selected choice names of a select answer (select_multiple may arrive space-separated). */
export function selectedChoices(value: AnswerValue | undefined): string[] {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  return [];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a non-empty answer has the question type's shape; the issue code when not. */
export function typeIssue(question: Question, value: AnswerValue): 'invalid_value' | null {
  switch (question.type) {
    case 'integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) ? null : 'invalid_value';
    case 'decimal':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,15}(\.\d+)?$/.test(value)) ? null : 'invalid_value';
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m) return 'invalid_value';
      const d = new Date(`${value}T00:00:00Z`);
      return d.getUTCDate() === Number(m[3]) ? null : 'invalid_value';
    }
    case 'geopoint': {
      const parts = typeof value === 'string' ? value.trim().split(/\s+/).map(Number) : [];
      const [lat, lon] = parts;
      const ok = parts.length >= 2 && parts.length <= 4 && parts.every(Number.isFinite) && Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180;
      return ok ? null : 'invalid_value';
    }
    case 'acknowledge':
      return value === true || value === 'OK' ? null : 'invalid_value';
    case 'select_one':
    case 'select_multiple':
      return typeof value === 'string' || Array.isArray(value) ? null : 'invalid_value';
    default:
      return typeof value === 'string' ? null : 'invalid_value';
  }
}
