import { and, asc, eq, inArray } from 'drizzle-orm';
import { LINK_TYPES, SERVICE_TYPES, TARGET_GROUPS, taxonomyId } from '../../../domain/directory/taxonomy.ts';
import { DEFAULT_PATHWAYS } from '../../../domain/referrals/default-pathways.ts';
import type { KnownCodes, Pathway } from '../../../domain/referrals/pathways.ts';
import type { DbOrTx } from '../../db/client.ts';
import { directoryTaxonomyTerms, organisations, referralPathways } from '../../db/schema/index.ts';

/**
 * A pathway as it stands: the coordinator's stored version when there is one, else the
 * shipped default (version 0). Storing only what a coordinator changed keeps an empty
 * database empty and lets a release improve the defaults nobody edited (as roles do).
 */
export interface PathwayRecord {
  pathway: Pathway;
  /** 0 for a default; incremented by each save, for optimistic concurrency. */
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

const fromDefault = (pathway: Pathway): PathwayRecord => ({ pathway, version: 0, isDefault: true, updatedAt: null });

/** Every target group with a default or a stored pathway, defaults' order first, then the others by code. */
export async function listPathways(db: DbOrTx): Promise<PathwayRecord[]> {
  const rows = await db.select().from(referralPathways).orderBy(asc(referralPathways.targetGroup));
  const stored = new Map(rows.map((r) => [r.targetGroup, r]));
  const records = DEFAULT_PATHWAYS.map((d) => {
    const row = stored.get(d.targetGroup);
    return row ? fromRow(row) : fromDefault(d);
  });
  const defaults = new Set(DEFAULT_PATHWAYS.map((d) => d.targetGroup));
  return [...records, ...rows.filter((r) => !defaults.has(r.targetGroup)).map(fromRow)];
}

export async function findPathway(db: DbOrTx, targetGroup: string): Promise<PathwayRecord | undefined> {
  const [row] = await db.select().from(referralPathways).where(eq(referralPathways.targetGroup, targetGroup));
  if (row) return fromRow(row);
  const fallback = DEFAULT_PATHWAYS.find((d) => d.targetGroup === targetGroup);
  return fallback && fromDefault(fallback);
}

function fromRow(row: typeof referralPathways.$inferSelect): PathwayRecord {
  return { pathway: row.definition as Pathway, version: row.version, isDefault: false, updatedAt: row.updatedAt };
}

/** The codes a coordinator may use now: the active terms of the two NRM taxonomies. */
export async function liveCodes(db: DbOrTx): Promise<KnownCodes> {
  const rows = await db
    .select({ taxonomyId: directoryTaxonomyTerms.taxonomyId, code: directoryTaxonomyTerms.code })
    .from(directoryTaxonomyTerms)
    .where(and(eq(directoryTaxonomyTerms.active, true), inArray(directoryTaxonomyTerms.taxonomyId, [taxonomyId(LINK_TYPES.service_type), taxonomyId(LINK_TYPES.target_group)])));
  const of = (key: string) => new Set(rows.filter((r) => r.taxonomyId === taxonomyId(key)).map((r) => r.code));
  return { serviceTypes: of(SERVICE_TYPES.key), targetGroups: of(TARGET_GROUPS.key) };
}

/** Names of the organisations a set of pathways names, for the list and the chart. */
export async function organisationNames(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; name: string; acronym: string | null }[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym }).from(organisations).where(inArray(organisations.id, unique)).orderBy(asc(organisations.name));
}

export const responsibleIds = (pathway: Pathway): string[] => pathway.steps.flatMap((s) => s.responsible.flatMap((r) => r.organisationIds));
