import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { directoryServices, directoryTaxonomies, directoryTaxonomyTerms } from '../../db/schema/index.ts';
import { type ServiceBundle, loadServiceBundles } from '../bundle.ts';

export interface DirectorySnapshot {
  bundles: ServiceBundle[];
  taxonomies: (typeof directoryTaxonomies.$inferSelect)[];
  terms: (typeof directoryTaxonomyTerms.$inferSelect)[];
  taxonomyKeys: Map<string, string>;
}

/**
 * The whole directory as an export writes it: every service whatever its status or
 * visibility, in a stable order (name, then id), loaded 200 at a time.
 */
export async function loadDirectory(db: DbOrTx): Promise<DirectorySnapshot> {
  const ids = (await db.select({ id: directoryServices.id }).from(directoryServices).orderBy(asc(directoryServices.sortKey), asc(directoryServices.id))).map((r) => r.id);
  const bundles: ServiceBundle[] = [];
  for (let i = 0; i < ids.length; i += 200) bundles.push(...(await loadServiceBundles(db, ids.slice(i, i + 200))));
  const taxonomies = await db.select().from(directoryTaxonomies).orderBy(asc(directoryTaxonomies.key));
  const terms = await db.select().from(directoryTaxonomyTerms).orderBy(asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.code));
  return { bundles, taxonomies, terms, taxonomyKeys: new Map(taxonomies.map((t) => [t.id, t.key])) };
}
