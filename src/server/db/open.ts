import path from 'node:path';
import type { Config } from '../config.ts';
import { type SiraDatabase, openPglite, openPostgres } from './client.ts';
import { type DataDirLock, acquireDataDirLock } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';

export interface OpenedDatabase {
  database: SiraDatabase;
  appliedMigrations: string[];
  close(): Promise<void>;
}

/** PGlite's files live in a sub-folder, so the lock file and backups can sit beside them. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

/**
 * Opens the configured backend and brings its schema up to date. On the embedded database
 * the data folder is locked first: a second process is refused before it touches a file.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: { migrate?: boolean } = {}): Promise<OpenedDatabase> {
  let lock: DataDirLock | undefined;
  let database: SiraDatabase;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    lock = acquireDataDirLock(config.dataDir);
    try {
      database = await openPglite(pgliteDir(config.dataDir));
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  try {
    const appliedMigrations = options.migrate === false ? [] : await migrate(database.db);
    return {
      database,
      appliedMigrations,
      async close() {
        await database.close();
        lock?.release();
      },
    };
  } catch (err) {
    await database.close();
    lock?.release();
    throw err;
  }
}
