import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { queryRows } from './rows.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');
const BREAKPOINT = '--> statement-breakpoint';
/** Any constant: serialises concurrent start-ups of several app servers on one PostgreSQL. */
const MIGRATION_LOCK_KEY = 7_412_001;

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export class MigrationError extends Error {}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        name: file.replace(/\.sql$/, ''),
        checksum: createHash('sha256').update(text).digest('hex'),
        // PGlite executes one statement per call, so files are split on drizzle-kit's marker.
        statements: text
          .split(BREAKPOINT)
          .map((s) => s.trim())
          .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0),
      };
    });
}

/**
 * Applies pending migrations in one transaction, on either backend. An applied migration
 * whose file has changed stops start-up: migrations are append-only.
 */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(
      sql`create table if not exists sira_migrations (name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
    );
    const applied = await queryRows<{ name: string; checksum: string }>(tx, sql`select name, checksum from sira_migrations`);
    const known = new Map(applied.map((r) => [r.name, r.checksum]));
    const names = new Set(migrations.map((m) => m.name));
    for (const name of known.keys()) {
      if (!names.has(name)) throw new MigrationError(`database has migration ${name}, which this version of Sira does not know: is this Sira older than the database?`);
    }
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = known.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new MigrationError(`migration ${m.name} was modified after it was applied; add a new migration instead`);
        continue;
      }
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into sira_migrations (name, checksum) values (${m.name}, ${m.checksum})`);
      done.push(m.name);
    }
    return done;
  });
}

export async function latestAppliedMigration(db: Db): Promise<string | undefined> {
  const [r] = await queryRows<{ name: string }>(db, sql`select name from sira_migrations order by name desc limit 1`);
  return r?.name;
}
