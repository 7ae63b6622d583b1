import { inArray } from 'drizzle-orm';
import { LINK_TYPES, SERVICE_TYPES, TARGET_GROUPS, taxonomyId } from '../../domain/directory/taxonomy.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { DbOrTx } from '../db/client.ts';
import { directoryTaxonomyTerms } from '../db/schema/index.ts';

/**
 * Term names in one language, by code, for both taxonomies: the live terms (a coordinator may
 * have renamed one), then the seed names for a database whose taxonomies were never seeded,
 * so a chart is readable from the first start. A switched-off term keeps its name: a stored
 * pathway may still name it.
 */
export async function termNames(db: DbOrTx, locale: Locale): Promise<Map<string, string>> {
  const names = new Map([...SERVICE_TYPES.terms, ...TARGET_GROUPS.terms].map((t) => [t.code, t.name[locale]]));
  const rows = await db
    .select({ code: directoryTaxonomyTerms.code, name: directoryTaxonomyTerms.name, labels: directoryTaxonomyTerms.labels })
    .from(directoryTaxonomyTerms)
    .where(inArray(directoryTaxonomyTerms.taxonomyId, [taxonomyId(LINK_TYPES.service_type), taxonomyId(LINK_TYPES.target_group)]));
  for (const row of rows) {
    const translated = (row.labels as { name?: Partial<Record<Locale, string>> } | null)?.name?.[locale];
    names.set(row.code, translated || row.name);
  }
  return names;
}
