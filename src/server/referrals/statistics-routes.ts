import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { admin1Name } from '../../domain/directory/geo.ts';
import { SERVICE_TYPES } from '../../domain/directory/taxonomy.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { can } from '../../domain/policies/policy.ts';
import { type ReferralStatisticsView, referralStatisticsQuery, referralStatisticsView } from '../../domain/referrals/statistics-view.ts';
import { type Dimension, MIN_PERSONS, referralStatistics } from '../../domain/referrals/statistics.ts';
import { deniedRead } from '../audit/denied.ts';
import { now } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { organisationNames } from '../organisations/names.ts';
import { dayRange, loadReferralFacts } from './statistics-query.ts';

/** Without dates, the last 90 days up to today. */
const DEFAULT_DAYS = 90;
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Names for the cells' keys: partners by name, service types in the reader's language, regions by name. */
async function labels(db: Db, dimension: Dimension, keys: string[], locale: Locale): Promise<Map<string, string>> {
  if (dimension === 'toOrganisationId') return organisationNames(db, keys);
  if (dimension === 'serviceType') return new Map(keys.map((k) => [k, SERVICE_TYPES.terms.find((t) => t.code === k)?.name[locale] ?? k]));
  return new Map(keys.map((k) => [k, admin1Name(k) ?? k]));
}

export function referralStatisticsRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/referrals/statistics',
    {
      config: { policy: 'referral.statistics' },
      schema: {
        summary: 'Referral figures by receiving organisation, service type or region; cells under 11 persons carry no figures.',
        tags: ['referrals'],
        querystring: referralStatisticsQuery,
        response: { 200: referralStatisticsView, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request): Promise<ReferralStatisticsView> => {
      const actor = requireActor(request);
      // Aggregates are for coordinators and analysts; for anyone else the page does not exist.
      if (!can(actor, 'referral.statistics')) throw await deniedRead(db, request, 'referral.statistics', 'ROUTE_NOT_FOUND');
      const { dimension } = request.query;
      const to = request.query.to ?? isoDay(now());
      const from = request.query.from ?? isoDay(new Date(new Date(`${to}T00:00:00Z`).getTime() - (DEFAULT_DAYS - 1) * DAY));
      const facts = await loadReferralFacts(db, dayRange(from, to));
      const { cells, total } = referralStatistics(facts, dimension);
      const names = await labels(
        db,
        dimension,
        cells.map((c) => c.key),
        request.locale,
      );
      return {
        dimension,
        from,
        to,
        minPersons: MIN_PERSONS,
        cells: cells.map((c) => ({ key: c.key, label: names.get(c.key) ?? c.key, figures: c.figures })),
        total: { figures: total.figures },
      };
    },
  );
}
