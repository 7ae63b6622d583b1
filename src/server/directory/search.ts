import { type SQL, and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { localMoment } from '../../domain/directory/schedule.ts';
import { LINK_TYPES, type ServiceLinkType, taxonomyId } from '../../domain/directory/taxonomy.ts';
import { escapeLike, searchTokens } from '../../domain/directory/text.ts';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { directoryServices, directoryTaxonomyTerms } from '../db/schema/index.ts';

/**
 * Directory search in portable SQL: each query word must appear in the service's stored
 * search text (normalised in TypeScript, so no `unaccent` or collation is involved), and
 * each filter is an EXISTS on the child table, all combined with AND. Paging is by the
 * normalised name with a byte-order collation, then id, so both backends agree.
 */
export interface SearchFilters {
  q?: string;
  /** Term ids; a service matches if it carries any of them. */
  termIds?: string[];
  /** Term codes per taxonomy; a parent's code also finds its children (reintegration → economic…). */
  serviceType?: string;
  targetGroup?: string;
  region?: string;
  cost?: string;
  language?: string;
  openAt?: Date;
  organisationId?: string;
  modifiedAfter?: Date;
  /** Never verified, or last verified before this moment. */
  verifiedBefore?: Date;
  statuses?: readonly string[];
  publicOnly?: boolean;
}

export interface SearchPage {
  ids: string[];
  total: number;
}

/** Ids of a term and its children, by code; unknown codes give none (so the filter matches nothing). */
async function termAndChildren(db: DbOrTx, linkType: ServiceLinkType, code: string): Promise<string[]> {
  const taxonomy = taxonomyId(LINK_TYPES[linkType]);
  const [term] = await db.select({ id: directoryTaxonomyTerms.id }).from(directoryTaxonomyTerms).where(and(eq(directoryTaxonomyTerms.taxonomyId, taxonomy), eq(directoryTaxonomyTerms.code, code)));
  if (!term) return [];
  const children = await db.select({ id: directoryTaxonomyTerms.id }).from(directoryTaxonomyTerms).where(eq(directoryTaxonomyTerms.parentId, term.id));
  return [term.id, ...children.map((c) => c.id)];
}

const NONE = '00000000-0000-0000-0000-000000000000';

function hasTerm(termIds: string[], linkType?: string): SQL {
  const ids = termIds.length > 0 ? termIds : [NONE];
  const typeCondition = linkType ? sql`and a.link_type = ${linkType}` : sql``;
  return sql`exists (select 1 from directory_attributes a where a.link_entity = 'service' and a.link_id = ${directoryServices.id} ${typeCondition}
    and a.taxonomy_term_id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}))`;
}

async function conditions(db: DbOrTx, f: SearchFilters): Promise<SQL[]> {
  const where: SQL[] = [];
  for (const word of searchTokens(f.q)) where.push(sql`${directoryServices.searchText} like ${`%${escapeLike(word)}%`}`);
  if (f.statuses) where.push(inArray(directoryServices.status, [...f.statuses]));
  if (f.publicOnly) where.push(eq(directoryServices.visibility, 'public'));
  if (f.organisationId) where.push(eq(directoryServices.organisationId, f.organisationId));
  if (f.modifiedAfter) where.push(gt(directoryServices.updatedAt, f.modifiedAfter));
  if (f.verifiedBefore) where.push(or(isNull(directoryServices.lastVerifiedAt), lt(directoryServices.lastVerifiedAt, f.verifiedBefore))!);
  if (f.termIds) where.push(hasTerm(f.termIds));
  if (f.serviceType !== undefined) where.push(hasTerm(await termAndChildren(db, 'service_type', f.serviceType), 'service_type'));
  if (f.targetGroup !== undefined) where.push(hasTerm(await termAndChildren(db, 'target_group', f.targetGroup), 'target_group'));
  if (f.region) {
    // Covered by the unit, by a unit inside it, or by the region around it; or a place there.
    const r = f.region;
    where.push(
      or(
        sql`exists (select 1 from directory_service_areas sa where sa.service_id = ${directoryServices.id}
          and (sa.pcode = ${r} or sa.pcode like ${`${escapeLike(r)}%`} or ${r} like sa.pcode || '%'))`,
        sql`exists (select 1 from directory_service_at_locations sl join directory_locations l on l.id = sl.location_id
          where sl.service_id = ${directoryServices.id} and (l.admin1_pcode = ${r} or l.admin2_pcode = ${r} or l.admin2_pcode like ${`${escapeLike(r)}%`}))`,
      )!,
    );
  }
  if (f.cost) where.push(sql`exists (select 1 from directory_cost_options c where c.service_id = ${directoryServices.id} and c.kind = ${f.cost})`);
  if (f.language) where.push(sql`exists (select 1 from directory_languages lg where lg.service_id = ${directoryServices.id} and lg.code = ${f.language})`);
  if (f.openAt) {
    const { day, time } = localMoment(f.openAt);
    where.push(
      sql`exists (select 1 from directory_schedules sc where sc.service_id = ${directoryServices.id} and sc.freq = 'WEEKLY'
        and (',' || sc.byday || ',') like ${`%,${day},%`} and sc.opens_at <= ${time} and sc.closes_at > ${time})`,
    );
  }
  return where;
}

export async function searchServiceIds(db: DbOrTx, f: SearchFilters, page: { limit: number; offset: number } | 'all'): Promise<SearchPage> {
  const where = await conditions(db, f);
  const condition = where.length > 0 ? and(...where) : undefined;
  const query = db
    .select({ id: directoryServices.id })
    .from(directoryServices)
    .where(condition)
    .orderBy(sql`${directoryServices.sortKey} collate "C"`, directoryServices.id);
  // The count and the page side by side (on PostgreSQL's pool; queued on PGlite).
  const [[count], rows] = await Promise.all([
    queryRows<{ n: number | string }>(db, sql`select count(*) as n from ${directoryServices} ${condition ? sql`where ${condition}` : sql``}`),
    page === 'all' ? query : query.limit(page.limit).offset(page.offset),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count?.n ?? 0) };
}
