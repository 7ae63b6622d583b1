import { asc, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serviceSearchQuery } from '../../domain/directory/schemas.ts';
import { serviceDetailView, servicePageView, taxonomyView } from '../../domain/directory/views.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { directoryTaxonomies, directoryTaxonomyTerms } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { loadServiceBundles } from './bundle.ts';
import { presentServiceDetail, presentServiceSummary, presentTaxonomy, staleCutoff } from './presenter.ts';
import { searchServiceIds } from './search.ts';

/** The directory for signed-in members: every member reads it (it is what referrals point into). */
export function directoryRoutes(app: FastifyInstance, db: Db, config: Pick<Config, 'directoryStaleMonths'>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const options = () => {
    const now = new Date();
    return { now, staleBefore: staleCutoff(now, config.directoryStaleMonths) };
  };

  r.get(
    '/api/directory/services',
    {
      config: { policy: 'service.list' },
      schema: {
        summary: 'Search the service directory: words without accents or case, filters combined with AND.',
        tags: ['directory'],
        querystring: serviceSearchQuery,
        response: { 200: servicePageView, 400: errorBodySchema, 401: errorBodySchema },
      },
    },
    async (request) => {
      requireActor(request);
      const q = request.query;
      const o = options();
      const { ids, total } = await searchServiceIds(
        db,
        {
          q: q.q,
          serviceType: q.serviceType,
          targetGroup: q.targetGroup,
          region: q.region,
          cost: q.cost,
          language: q.language,
          openAt: q.openNow ? o.now : undefined,
          organisationId: q.organisationId,
          verifiedBefore: q.stale ? o.staleBefore : undefined,
          statuses: q.includeInactive ? undefined : ['active'],
        },
        { limit: q.perPage, offset: (q.page - 1) * q.perPage },
      );
      const items = (await loadServiceBundles(db, ids)).map((b) => presentServiceSummary(b, o));
      return { items, page: q.page, perPage: q.perPage, total, totalPages: Math.ceil(total / q.perPage) };
    },
  );

  r.get(
    '/api/directory/services/:id',
    {
      config: { policy: 'service.read' },
      schema: {
        summary: 'One directory service with everything needed to call or refer.',
        tags: ['directory'],
        params: z.object({ id: z.uuid() }),
        response: { 200: serviceDetailView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [bundle] = await loadServiceBundles(db, [request.params.id]);
      if (!bundle || !can(actor, 'service.read')) throw new SiraError('NOT_FOUND');
      return presentServiceDetail(bundle, { ...options(), canEdit: can(actor, 'service.manage', { organisationId: bundle.service.organisationId }) });
    },
  );

  r.get(
    '/api/directory/taxonomies',
    {
      config: { policy: 'service.list' },
      schema: { summary: 'Service types and target groups with their labels in every language.', tags: ['directory'], response: { 200: z.object({ items: z.array(taxonomyView) }), 401: errorBodySchema } },
    },
    async (request) => {
      requireActor(request);
      const taxonomies = await db.select().from(directoryTaxonomies).orderBy(asc(directoryTaxonomies.key));
      const terms = taxonomies.length
        ? await db
            .select()
            .from(directoryTaxonomyTerms)
            .where(inArray(directoryTaxonomyTerms.taxonomyId, taxonomies.map((t) => t.id)))
            .orderBy(asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.code))
        : [];
      return { items: taxonomies.map((t) => presentTaxonomy(t, terms.filter((term) => term.taxonomyId === t.id))) };
    },
  );
}
