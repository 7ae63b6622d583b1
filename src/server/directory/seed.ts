import { inArray } from 'drizzle-orm';
import { SEED_TAXONOMIES, TAXONOMY_VERSION, termId, taxonomyId } from '../../domain/directory/taxonomy.ts';
import type { DbOrTx } from '../db/client.ts';
import { directoryTaxonomies, directoryTaxonomyTerms } from '../db/schema/index.ts';

/**
 * Inserts the shipped taxonomies and terms that are missing, and nothing else: a row that
 * exists (same derived id) is left exactly as a coordinator may have edited it, and a term
 * a coordinator switched off stays off. A new release adding terms adds only those.
 */
export async function seedTaxonomies(tx: DbOrTx, now: Date): Promise<{ taxonomies: number; terms: number }> {
  const taxonomyIds = SEED_TAXONOMIES.map((t) => taxonomyId(t.key));
  const existingTaxonomies = new Set((await tx.select({ id: directoryTaxonomies.id }).from(directoryTaxonomies).where(inArray(directoryTaxonomies.id, taxonomyIds))).map((r) => r.id));
  const missingTaxonomies = SEED_TAXONOMIES.filter((t) => !existingTaxonomies.has(taxonomyId(t.key)));
  if (missingTaxonomies.length > 0) {
    await tx
      .insert(directoryTaxonomies)
      .values(
        missingTaxonomies.map((t) => ({
          id: taxonomyId(t.key),
          key: t.key,
          name: t.name.fr,
          description: t.description.fr,
          labels: { name: t.name, description: t.description },
          version: TAXONOMY_VERSION,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing();
  }
  const terms = SEED_TAXONOMIES.flatMap((t) =>
    t.terms.map((term, position) => ({
      id: termId(t.key, term.code),
      taxonomyId: taxonomyId(t.key),
      code: term.code,
      parentId: term.parent ? termId(t.key, term.parent) : null,
      name: term.name.fr,
      description: term.description.fr,
      labels: { name: term.name, description: term.description },
      position,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const existingTerms = new Set(
    (await tx.select({ id: directoryTaxonomyTerms.id }).from(directoryTaxonomyTerms).where(inArray(directoryTaxonomyTerms.id, terms.map((t) => t.id)))).map((r) => r.id),
  );
  const missingTerms = terms.filter((t) => !existingTerms.has(t.id));
  // Neither a coordinator's renamed code nor a concurrent seed may make this fail: conflicts are skipped.
  if (missingTerms.length > 0) await tx.insert(directoryTaxonomyTerms).values(missingTerms).onConflictDoNothing();
  return { taxonomies: missingTaxonomies.length, terms: missingTerms.length };
}
