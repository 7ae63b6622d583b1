import { z } from 'zod';
import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../cases/identity.ts';
import { AUDIENCES, MAX_ACTIVITY_DAYS } from './activity.ts';
import { isValidParticipantCode, normaliseParticipantCode } from './participant-code.ts';

/**
 * Who came, day by day. Either named participants, each with a pseudonymous participant code
 * (it links pre and post tests without a name), or, when names are not wanted (security forces,
 * migrants in transit), anonymous head counts per day by sex × age band × category.
 * Sexes and age bands are those of the case register, so the figures add up across Sira.
 */
export const PARTICIPANT_CATEGORIES = [...AUDIENCES, 'other'] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

export const ATTENDANCE_MODES = ['named', 'anonymous'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** Day 1 is the activity's start date, as in the programme. */
const day = z.number().int().min(1).max(MAX_ACTIVITY_DAYS);

export const namedParticipantSchema = z
  .object({
    /** Pseudonymous code printed on the sheet and the tests; the format is participant-code.ts's. */
    /** Typed from paper in any case or spacing: stored in its one canonical form, so pre and post tests pair up. */
    participantCode: z
      .string()
      .max(40)
      .transform((text) => normaliseParticipantCode(text) ?? text)
      .refine((code) => isValidParticipantCode(code), { params: { code: 'participant_code_invalid' } }),
    sex: z.enum(SEXES),
    ageBand: z.enum(AGE_BANDS),
    category: z.enum(PARTICIPANT_CATEGORIES),
    /** Without it the name never leaves the sheet: the report's annex shows the code only. */
    consentToBeNamed: z.boolean(),
    name: z.string().trim().min(1).max(120).optional(),
    /** Days present; empty when registered but absent. */
    days: z.array(day).max(MAX_ACTIVITY_DAYS).default([]),
  })
  .strict()
  .refine((p) => p.consentToBeNamed || p.name === undefined, { params: { code: 'attendance_name_without_consent' }, path: ['name'] });
export type NamedParticipant = z.output<typeof namedParticipantSchema>;

export const headCountSchema = z
  .object({
    day,
    sex: z.enum(SEXES),
    ageBand: z.enum(AGE_BANDS),
    category: z.enum(PARTICIPANT_CATEGORIES),
    count: z.number().int().min(0).max(100_000),
  })
  .strict();
export type HeadCount = z.output<typeof headCountSchema>;

export const attendanceSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('named'),
      participants: z
        .array(namedParticipantSchema)
        .max(5000)
        .refine((ps) => new Set(ps.map((p) => p.participantCode)).size === ps.length, { params: { code: 'attendance_duplicate_participant' } }),
    })
    .strict(),
  // Several lines for the same day and cell are added up: a sheet may be typed in by page.
  z.object({ mode: z.literal('anonymous'), counts: z.array(headCountSchema).max(5000) }).strict(),
]);
export type AttendanceInput = z.input<typeof attendanceSchema>;
export type Attendance = z.output<typeof attendanceSchema>;

export interface Breakdown {
  total: number;
  bySex: Record<Sex, number>;
  byAgeBand: Record<AgeBand, number>;
  byCategory: Record<ParticipantCategory, number>;
}

export interface AttendanceTotals {
  /** Days with someone present, in order. */
  days: ({ day: number } & Breakdown)[];
  /**
   * Distinct persons over the whole activity. Named: each participant code once, whatever the
   * number of days. Anonymous: head counts cannot tell who came back, so the overall figure is
   * the busiest day (its breakdown, so that the breakdown adds up to the total) — a floor, not
   * a sum, which would count a three-day participant three times.
   */
  overall: Breakdown;
  overallMethod: 'distinct_participants' | 'busiest_day';
  /** Sum over the days of those present: participant-days, for cost and catering figures. */
  participantDays: number;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function emptyBreakdown(): Breakdown {
  return { total: 0, bySex: zeros(SEXES), byAgeBand: zeros(AGE_BANDS), byCategory: zeros(PARTICIPANT_CATEGORIES) };
}

function add(b: Breakdown, cell: { sex: Sex; ageBand: AgeBand; category: ParticipantCategory }, n: number): void {
  b.total += n;
  b.bySex[cell.sex] += n;
  b.byAgeBand[cell.ageBand] += n;
  b.byCategory[cell.category] += n;
}

export function attendanceTotals(input: Attendance): AttendanceTotals {
  const perDay = new Map<number, Breakdown>();
  const dayBreakdown = (d: number): Breakdown => {
    let b = perDay.get(d);
    if (!b) perDay.set(d, (b = emptyBreakdown()));
    return b;
  };
  const overall = emptyBreakdown();

  if (input.mode === 'named') {
    for (const p of input.participants) {
      const days = new Set(p.days);
      for (const d of days) add(dayBreakdown(d), p, 1);
      if (days.size > 0) add(overall, p, 1);
    }
  } else {
    for (const c of input.counts) if (c.count > 0) add(dayBreakdown(c.day), c, c.count);
  }

  const days = [...perDay.entries()].sort(([a], [b]) => a - b).map(([d, b]) => ({ day: d, ...b }));
  const participantDays = days.reduce((sum, d) => sum + d.total, 0);
  if (input.mode === 'named') return { days, overall, overallMethod: 'distinct_participants', participantDays };

  // The earliest of equally busy days, so the choice does not depend on input order.
  const busiest = days.reduce<(typeof days)[number] | undefined>((best, d) => (!best || d.total > best.total ? d : best), undefined);
  const { day: _day, ...breakdown } = busiest ?? { day: 0, ...emptyBreakdown() };
  return { days, overall: breakdown, overallMethod: 'busiest_day', participantDays };
}
