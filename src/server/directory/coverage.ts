import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../domain/policies/policy.ts';
import { deniedRead } from '../audit/denied.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';

/** One cell of the coverage table: how many organisations run an active service of this type in this admin-1 region. */
const coverageCell = z.object({ serviceType: z.string(), region: z.string(), providers: z.number().int() });
export const coverageView = z.object({ cells: z.array(coverageCell) });
export type CoverageView = z.infer<typeof coverageView>;

/**
 * Active providers per service type and admin-1 region, counted as the search finds them:
 * a service covers a region through a service area there (the region or one of its units)
 * or a place there, and a child type (economic reintegration) counts for its parent too.
 * Only non-zero cells are sent: the client lays them over every type and region, so a gap
 * is a missing cell, and the answer stays small on 2G.
 */
export async function coverageCounts(db: DbOrTx): Promise<CoverageView> {
  const rows = await queryRows<{ service_type: string; region: string; providers: number | string }>(
    db,
    sql`with types as (
        select a.link_id as service_id, t.code from directory_attributes a
          join directory_taxonomy_terms t on t.id = a.taxonomy_term_id
          where a.link_entity = 'service' and a.link_type = 'service_type'
        union
        select a.link_id as service_id, p.code from directory_attributes a
          join directory_taxonomy_terms t on t.id = a.taxonomy_term_id
          join directory_taxonomy_terms p on p.id = t.parent_id
          where a.link_entity = 'service' and a.link_type = 'service_type'
      ), places as (
        select sa.service_id, substr(sa.pcode, 1, 4) as region from directory_service_areas sa
        union
        select sl.service_id, substr(coalesce(l.admin1_pcode, l.admin2_pcode), 1, 4) as region
          from directory_service_at_locations sl join directory_locations l on l.id = sl.location_id
          where coalesce(l.admin1_pcode, l.admin2_pcode) is not null
      )
      select ty.code as service_type, pl.region, count(distinct s.organisation_id) as providers
        from directory_services s
        join types ty on ty.service_id = s.id
        join places pl on pl.service_id = s.id
        where s.status = 'active'
        group by ty.code, pl.region
        order by ty.code collate "C", pl.region collate "C"`,
  );
  return { cells: rows.map((r) => ({ serviceType: r.service_type, region: r.region, providers: Number(r.providers) })) };
}

/** For coordinators (directory managers everywhere): where each kind of help is missing. */
export function coverageRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/directory/coverage',
    {
      config: { policy: 'taxonomy.manage' },
      schema: {
        summary: 'Active providers per service type and admin-1 region, to find coverage gaps.',
        tags: ['directory'],
        response: { 200: coverageView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // A coordinator's page: it does not exist for whoever may not use it, as other administration pages.
      if (!can(actor, 'taxonomy.manage')) throw await deniedRead(db, request, 'taxonomy.manage', 'ROUTE_NOT_FOUND');
      return coverageCounts(db);
    },
  );
}
