import type { Locale } from '../../domain/i18n/locales.ts';
import type { ReferralStatisticsView, StatisticsFigures } from '../../domain/referrals/statistics-view.ts';
import type { Dimension } from '../../domain/referrals/statistics.ts';
import { apiGet } from '../api/client.ts';

/** Type-only shapes of the statistics API (the bundle gets no zod). */
export type { Dimension, ReferralStatisticsView, StatisticsFigures };

/** The breakdowns the server offers, in the order the page shows them. */
export const DIMENSIONS = ['toOrganisationId', 'serviceType', 'regionPcode'] as const satisfies readonly Dimension[];

export interface StatisticsQuery {
  dimension: Dimension;
  /** `YYYY-MM-DD`, both days included. */
  from: string;
  to: string;
}

export const statisticsKeys = {
  query: (q: StatisticsQuery) => ['referrals', 'statistics', q.dimension, q.from, q.to] as const,
};

export function getReferralStatistics(q: StatisticsQuery, locale: Locale): Promise<ReferralStatisticsView> {
  const params = new URLSearchParams({ dimension: q.dimension, from: q.from, to: q.to });
  return apiGet<ReferralStatisticsView>(`/api/referrals/statistics?${params}`, locale);
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The server's default: the last 90 days up to today (UTC, Mali's and Burkina Faso's time). */
export function defaultRange(today = new Date()): { from: string; to: string } {
  return { from: isoDay(new Date(today.getTime() - 89 * DAY)), to: isoDay(today) };
}
