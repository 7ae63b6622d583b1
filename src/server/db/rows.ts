import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/** Raw SQL rows on either backend: both drivers answer `{ rows }`, Drizzle's common type does not say so. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * One record as an actor may see it: `hidden` means the policy refused (a denial the route
 * audits), `missing` that there is no such record. Both are answered the same way.
 */
export type Lookup<T> = { state: 'found'; row: T } | { state: 'hidden'; row: T } | { state: 'missing' };
