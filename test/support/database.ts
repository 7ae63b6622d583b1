import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type SiraDatabase, openPglite, openPostgres } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';

/**
 * The suite runs on the embedded database by default, and on a real PostgreSQL when
 * SIRA_TEST_DATABASE_URL points at a server (CI sets it): each test database is created
 * fresh and dropped afterwards, so test files can run in parallel.
 */
export const TEST_PG_URL = process.env.SIRA_TEST_DATABASE_URL;
export const BACKEND = TEST_PG_URL ? 'postgres' : 'pglite';

export interface TestDatabase extends SiraDatabase {
  /** Connection string when on PostgreSQL (for child processes); undefined on PGlite. */
  url: string | undefined;
  destroy(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database on the test server (no migrations applied). */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_PG_URL) throw new Error('SIRA_TEST_DATABASE_URL is not set');
  const name = `sira_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A migrated database on the backend under test; PGlite in memory unless a folder is given. */
export async function createTestDatabase(options: { migrate?: boolean; pgliteDir?: string } = {}): Promise<TestDatabase> {
  if (TEST_PG_URL) {
    const empty = await createEmptyPostgresDatabase();
    const database = await openPostgres(empty.url, 4);
    if (options.migrate !== false) await migrate(database.db);
    return {
      ...database,
      url: empty.url,
      async destroy() {
        await database.close();
        await empty.drop();
      },
    };
  }
  const database = await openPglite(options.pgliteDir);
  if (options.migrate !== false) await migrate(database.db);
  return { ...database, url: undefined, destroy: () => database.close() };
}
