import { z } from 'zod';
import { isCoveragePcode } from '../directory/geo.ts';
import { TIME_PATTERN } from '../directory/schedule.ts';

/**
 * A community activity (issue #9): a forum, a workshop, a training… held in a place on one or
 * more days, with a programme of sessions and group work. Shared by the server and the browser.
 * Only staff are named here (facilitators); participants live in attendance.ts.
 */
export const ACTIVITY_TYPES = ['forum', 'workshop', 'training', 'consultation', 'validation_workshop', 'awareness_session'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const AUDIENCES = ['security_forces', 'local_authorities', 'community_leaders', 'religious_leaders', 'women', 'youth', 'migrants', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const EXERCISE_TYPES = ['role_play', 'case_study', 'simulation', 'questionnaire', 'presentation'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

/** An activity lasts at most a few weeks; a longer span is a typing error in a year. */
export const MAX_ACTIVITY_DAYS = 31;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max);

/** Calendar day, no time zone: the day printed on the attendance sheet. */
export const isoDate = z.iso.date();
export const clockTime = z.string().regex(TIME_PATTERN);

/**
 * Where it is held: a cercle or province (admin-2, ML0401) when known, else the region
 * (admin-1). Same check as the directory's coverage: admin-1 from src/domain/geo, admin-2 by
 * pattern under a known region until the admin-2 list is in the repository.
 */
export const activityPcode = z.string().refine(isCoveragePcode, { params: { code: 'unknown_pcode' } });

/** A theme is a code of the library (snake_case) or a short text typed in for this activity. */
export const themeSchema = text(200);

export const facilitatorSchema = z
  .object({
    name: text(120),
    /** The facilitator's organisation, when it is in Sira. */
    organisationId: z.uuid().optional(),
    /** "Protection officer, DRDSES Sikasso": printed in the report's programme. */
    role: text(120).optional(),
  })
  .strict();
export type Facilitator = z.output<typeof facilitatorSchema>;

export const sessionSchema = z
  .object({
    /** Day 1 is the start date. */
    day: z.number().int().min(1).max(MAX_ACTIVITY_DAYS),
    startTime: clockTime,
    endTime: clockTime,
    theme: themeSchema,
    /** Name of one of the activity's facilitators, or of a guest speaker. */
    facilitator: text(120).optional(),
  })
  .strict()
  // HH:MM strings compare as times; a badly typed time already has its own message.
  .refine((s) => !TIME_PATTERN.test(s.startTime) || !TIME_PATTERN.test(s.endTime) || s.startTime < s.endTime, { params: { code: 'activity_session_end_before_start' }, path: ['endTime'] });
export type Session = z.output<typeof sessionSchema>;

export const groupWorkSchema = z
  .object({
    topic: text(200),
    exerciseType: z.enum(EXERCISE_TYPES),
    instructions: longText(4000).default(''),
    materials: z.array(text(200)).max(30).default([]),
    /** What the group produced, typed in after the activity; goes into the report. */
    output: longText(8000).default(''),
    /** Day of the programme it belongs to, when it is scheduled. */
    day: z.number().int().min(1).max(MAX_ACTIVITY_DAYS).optional(),
  })
  .strict();
export type GroupWork = z.output<typeof groupWorkSchema>;

export const programmeSchema = z
  .object({
    sessions: z.array(sessionSchema).max(100).default([]),
    groupWork: z.array(groupWorkSchema).max(50).default([]),
  })
  .strict();
export type Programme = z.output<typeof programmeSchema>;

/** Number of calendar days from start to end, both included (1 for a one-day activity). */
export function activityDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000) + 1;
}

function datesReadable(a: { startDate: string; endDate: string }): boolean {
  return isoDate.safeParse(a.startDate).success && isoDate.safeParse(a.endDate).success;
}

export const activitySchema = z
  .object({
    type: z.enum(ACTIVITY_TYPES),
    title: text(200),
    objectives: z.array(text(500)).min(1).max(20),
    themes: z.array(themeSchema).max(30).default([]),
    audiences: z.array(z.enum(AUDIENCES)).min(1).max(AUDIENCES.length),
    locationPcode: activityPcode,
    /** The town or venue ("Salle de la mairie, Bougouni"): the P-code alone is too coarse. */
    venue: text(200).optional(),
    startDate: isoDate,
    endDate: isoDate,
    organiserOrganisationIds: z.array(z.uuid()).min(1).max(20),
    facilitators: z.array(facilitatorSchema).max(30).default([]),
    programme: programmeSchema.default({ sessions: [], groupWork: [] }),
  })
  .strict()
  // ISO dates compare as strings; a badly typed date already has its own message.
  .refine((a) => !datesReadable(a) || a.endDate >= a.startDate, { params: { code: 'activity_end_before_start' }, path: ['endDate'] })
  .refine((a) => !datesReadable(a) || a.endDate < a.startDate || activityDays(a.startDate, a.endDate) <= MAX_ACTIVITY_DAYS, { params: { code: 'activity_too_long' }, path: ['endDate'] })
  .refine((a) => !datesReadable(a) || a.endDate < a.startDate || a.programme.sessions.every((s) => s.day <= activityDays(a.startDate, a.endDate)), {
    params: { code: 'activity_day_outside_dates' },
    path: ['programme', 'sessions'],
  })
  .refine((a) => !datesReadable(a) || a.endDate < a.startDate || a.programme.groupWork.every((g) => g.day === undefined || g.day <= activityDays(a.startDate, a.endDate)), {
    params: { code: 'activity_day_outside_dates' },
    path: ['programme', 'groupWork'],
  });
export type ActivityInput = z.input<typeof activitySchema>;
export type Activity = z.output<typeof activitySchema>;
