import { z } from 'zod';
import type { Dimension } from './statistics.ts';

/**
 * What `GET /api/referrals/statistics` takes and answers, shared by the server and the page.
 * A hidden cell has no figures at all (not zeros), so nothing can be added back up.
 */
export const STATISTICS_DIMENSIONS = ['toOrganisationId', 'serviceType', 'regionPcode'] as const satisfies readonly Dimension[];

/** A calendar day that exists (no 31 February), as `YYYY-MM-DD`. */
const day = z.iso.date();

export const referralStatisticsQuery = z
  .object({
    dimension: z.enum(STATISTICS_DIMENSIONS).default('toOrganisationId'),
    /** Referrals sent on or after this day (UTC, which is Mali's and Burkina Faso's time). */
    from: day.optional(),
    /** Referrals sent on or before this day. */
    to: day.optional(),
    lang: z.string().optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'] });
export type ReferralStatisticsQuery = z.input<typeof referralStatisticsQuery>;

const figures = z
  .object({
    referrals: z.number().int(),
    persons: z.number().int(),
    acceptanceRate: z.number().nullable(),
    medianHoursToAnswer: z.number().nullable(),
    medianHoursToCompletion: z.number().nullable(),
    overdue: z.number().int(),
  })
  .nullable();

export const referralStatisticsView = z.object({
  dimension: z.enum(STATISTICS_DIMENSIONS),
  from: day,
  to: day,
  /** Cells counting fewer persons than this show no figures. */
  minPersons: z.number().int(),
  cells: z.array(z.object({ key: z.string(), label: z.string(), figures })),
  total: z.object({ figures }),
});
export type ReferralStatisticsView = z.output<typeof referralStatisticsView>;
export type StatisticsFigures = NonNullable<ReferralStatisticsView['total']['figures']>;
