import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, Resolver, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { type Activity, activityDays, MAX_ACTIVITY_DAYS } from '../../domain/activities/activity.ts';
import type { AttendanceMode } from '../../domain/activities/attendance.ts';
import { admin1Of } from '../../domain/directory/geo.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { issueMessage } from '../validation/zod-messages.ts';
import type { ActivityDetail } from './activities-api.ts';

/**
 * What the planning form holds. Text boxes hold strings and lists of boxes hold objects
 * (react-hook-form's field arrays want objects), so `toInput` turns them into the command's
 * input before the shared zod schema judges it; `fieldPath` brings each issue back to the box
 * it concerns. The place is a region list plus an optional cercle/province P-code typed in.
 */
export interface TextRow {
  text: string;
}
export interface FacilitatorRow {
  name: string;
  role: string;
}
export interface SessionRow {
  day: string;
  startTime: string;
  endTime: string;
  theme: string;
  facilitator: string;
}
export interface GroupWorkRow {
  topic: string;
  exerciseType: string;
  instructions: string;
  /** One material per line. */
  materials: string;
  /** Kept as it was: outputs are typed on the activity's page, after it is held. */
  output: string;
  /** Empty: not tied to a day. */
  day: string;
}
export interface PlanValues {
  type: string;
  title: string;
  objectives: TextRow[];
  themes: TextRow[];
  audiences: string[];
  region: string;
  /** Cercle (Mali) or province (Burkina Faso) P-code, e.g. ML0303; empty for the whole region. */
  area: string;
  venue: string;
  startDate: string;
  endDate: string;
  /** Co-organisers; the running organisation is always one and is added when sending. */
  coOrganiserIds: string[];
  facilitators: FacilitatorRow[];
  sessions: SessionRow[];
  groupWork: GroupWorkRow[];
  attendanceMode: AttendanceMode;
  knowledgeTestFormKey: string;
  satisfactionFormKey: string;
}

/** What the schema hands to the save: the create or update command's input. */
export type PlanOutput = Record<string, unknown>;
export type PlanForm = UseFormReturn<PlanValues, unknown, PlanOutput>;

export const emptySession = (day = '1'): SessionRow => ({ day, startTime: '', endTime: '', theme: '', facilitator: '' });
export const emptyGroupWork = (): GroupWorkRow => ({ topic: '', exerciseType: 'role_play', instructions: '', materials: '', output: '', day: '' });

export function emptyValues(): PlanValues {
  return {
    type: '',
    title: '',
    objectives: [{ text: '' }],
    themes: [],
    audiences: [],
    region: '',
    area: '',
    venue: '',
    startDate: '',
    endDate: '',
    coOrganiserIds: [],
    facilitators: [],
    sessions: [],
    groupWork: [],
    attendanceMode: 'named',
    knowledgeTestFormKey: '',
    satisfactionFormKey: '',
  };
}

/**
 * The stored plan as the form shows it. `copy` builds the next activity from a past one: the
 * same programme and group work, without the dates or what the groups produced last time.
 */
export function valuesFromDetail(detail: ActivityDetail, copy = false): PlanValues {
  const a = detail.activity;
  const pcode = a.locationPcode;
  return {
    type: a.type,
    title: a.title,
    objectives: a.objectives.map((text) => ({ text })),
    themes: a.themes.map((text) => ({ text })),
    audiences: [...a.audiences],
    region: admin1Of(pcode),
    area: pcode.length > 4 ? pcode : '',
    venue: a.venue ?? '',
    startDate: copy ? '' : a.startDate,
    endDate: copy ? '' : a.endDate,
    coOrganiserIds: a.organiserOrganisationIds.filter((id) => id !== detail.organisationId),
    facilitators: a.facilitators.map((f) => ({ name: f.name, role: f.role ?? '' })),
    sessions: a.programme.sessions.map((s) => ({ day: String(s.day), startTime: s.startTime, endTime: s.endTime, theme: s.theme, facilitator: s.facilitator ?? '' })),
    groupWork: a.programme.groupWork.map((g) => ({
      topic: g.topic,
      exerciseType: g.exerciseType,
      instructions: g.instructions,
      materials: g.materials.join('\n'),
      output: copy ? '' : g.output,
      day: g.day === undefined ? '' : String(g.day),
    })),
    attendanceMode: detail.attendanceMode,
    knowledgeTestFormKey: detail.knowledgeTestFormKey ?? '',
    satisfactionFormKey: detail.satisfactionFormKey ?? '',
  };
}

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
/** A single checkbox reports a boolean or a string rather than a list. */
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
/** Rows left completely empty are no rows: a trainer adds a box, then changes their mind. */
const filled = (row: object) => Object.values(row).some((v) => typeof v === 'string' && v.trim() !== '');

/** The plan as `activitySchema` reads it, with the running organisation first among the organisers. */
export function toActivity(v: PlanValues, runningOrganisationId: string): Record<string, unknown> {
  const area = v.area.trim().toUpperCase();
  return {
    type: v.type || undefined,
    title: v.title,
    objectives: v.objectives.map((o) => trimmed(o.text)).filter(Boolean),
    themes: v.themes.map((o) => trimmed(o.text)).filter(Boolean),
    audiences: list(v.audiences),
    locationPcode: area || v.region || undefined,
    venue: optional(v.venue),
    startDate: v.startDate || undefined,
    endDate: v.endDate || undefined,
    organiserOrganisationIds: [...new Set([runningOrganisationId, ...list(v.coOrganiserIds)])],
    facilitators: v.facilitators.filter((f) => f.name.trim() !== '' || f.role.trim() !== '').map((f) => ({ name: f.name, role: optional(f.role) })),
    programme: {
      sessions: v.sessions.filter((s) => filled({ ...s, day: '' })).map((s) => ({ day: Number(s.day), startTime: s.startTime, endTime: s.endTime, theme: s.theme, facilitator: optional(s.facilitator) })),
      groupWork: v.groupWork.map((g) => ({
        topic: g.topic,
        exerciseType: g.exerciseType,
        instructions: g.instructions.trim(),
        materials: g.materials.split('\n').map(trimmed).filter(Boolean),
        output: g.output.trim(),
        ...(g.day ? { day: Number(g.day) } : {}),
      })),
    },
  };
}

/** The command's fields outside the plan itself. */
export function toCommandFields(v: PlanValues): Record<string, unknown> {
  return {
    attendanceMode: v.attendanceMode,
    knowledgeTestFormKey: v.knowledgeTestFormKey || null,
    satisfactionFormKey: v.satisfactionFormKey || null,
  };
}

/**
 * Where the form shows an input path's message. Lists of texts show it on their row's box,
 * ticked lists as a whole, the place on the box that gave it.
 */
export function fieldPath(segments: readonly string[], v: PlanValues): string {
  const [first, ...rest] = segments;
  if (first !== 'activity') return segments.join('.');
  const [field, index, sub] = rest;
  switch (field) {
    case 'objectives':
    case 'themes':
      return index === undefined ? field : `${field}.${index}.text`;
    case 'audiences':
      return 'audiences';
    case 'organiserOrganisationIds':
      return 'coOrganiserIds';
    case 'locationPcode':
      return v.area.trim() ? 'area' : 'region';
    case 'facilitators':
      return index === undefined ? 'facilitators' : `facilitators.${index}.${sub ?? 'name'}`;
    case 'programme': {
      // programme.sessions.2.startTime → sessions.2.startTime; the day refinement names the whole list.
      const [list, row, column] = rest.slice(1);
      if (row === undefined) return list ?? 'sessions';
      if (list === 'groupWork' && column === 'materials') return `groupWork.${row}.materials`;
      return `${list}.${row}.${column ?? ''}`.replace(/\.$/, '');
    }
    default:
      return rest.join('.');
  }
}

/**
 * Validates with the command's own schema (the server runs the same), with messages in the
 * person's language; `extra` adds what the form does not hold (the activity's id and version).
 */
export function planResolver(schema: z.ZodType, locale: Locale, runningOrganisationId: string, extra: Record<string, unknown>): Resolver<PlanValues, unknown, PlanOutput> {
  return async (values, _context, options) => {
    const input = { activity: toActivity(values, runningOrganisationId), ...toCommandFields(values), ...extra };
    const parsed = schema.safeParse(input, { reportInput: true });
    if (parsed.success) return { values: parsed.data as PlanOutput, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const path = fieldPath(issue.path.map(String), values);
      flat[path] ??= { type: issue.code, message: issueMessage(locale, issue as unknown as z.core.$ZodRawIssue) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/** How many days the dates span, when they are readable; the programme's day lists follow it. */
export function planDays(startDate: string, endDate: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !/^\d{4}-\d{2}-\d{2}$/.test(endDate) || endDate < startDate) return undefined;
  const days = activityDays(startDate, endDate);
  return days <= MAX_ACTIVITY_DAYS ? days : undefined;
}

/** The plan with new group outputs, sent whole through `activity.update`. */
export function withOutputs(activity: Activity, outputs: readonly string[]): Activity {
  return {
    ...activity,
    programme: { ...activity.programme, groupWork: activity.programme.groupWork.map((g, i) => ({ ...g, output: (outputs[i] ?? g.output).trim() })) },
  };
}
