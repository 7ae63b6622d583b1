import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { organisations } from '../db/schema/index.ts';

/** Organisation names by id, for the views that name partners (nulls and repeats are fine). */
export async function organisationNames(db: DbOrTx, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
