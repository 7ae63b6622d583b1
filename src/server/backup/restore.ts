import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/identity/actor.ts';
import { appendAudit } from '../audit/append.ts';
import { GENESIS_HASH } from '../audit/hash.ts';
import type { Db, Tx } from '../db/client.ts';
import { type Migration, loadMigrations, migrate } from '../db/migrate.ts';
import { queryRows } from '../db/rows.ts';
import { sqlState } from '../db/errors.ts';
import { BackupFileError, RestoreRefusedError } from './format.ts';
import { type BackupRow, openBackup } from './read.ts';
import { MIGRATIONS_TABLE, type TableInfo, discoverTables } from './tables.ts';

export interface RestoreOptions {
  /** Recorded on the `backup.restored` audit event. */
  actor: Actor;
  /** The migrations this Sira knows (tests pass their own list). */
  migrations?: Migration[];
}

export interface RestoreSummary {
  rows: number;
  sourceMigration: string;
  /** Migrations newer than the backup, applied after its rows. */
  upgradedWith: string[];
}

/** Any constant: two restores into one PostgreSQL database wait for each other. */
const RESTORE_LOCK_KEY = 7_412_002;
const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Rows an empty, migrated database already holds: the audit chain's genesis head. Such a
 * table counts as empty, and its rows are replaced by the backup's.
 */
const SEED_ROWS: Record<string, SQL> = {
  audit_chain_head: sql`seq = 0 and hash = ${GENESIS_HASH}`,
};

/**
 * Restores a backup into an empty database, all in one transaction: bring the schema to the
 * backup's migration, load the rows in foreign-key order, apply newer migrations, audit.
 * Any failure (bad file, refused row) rolls everything back, schema included.
 */
export async function restoreBackup(db: Db, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const known = options.migrations ?? loadMigrations();
  const backup = await openBackup(file);
  try {
    const { header } = backup;
    const knownNames = new Set(known.map((m) => m.name));
    const unknown = header.migrations.find((n) => !knownNames.has(n));
    if (unknown) throw new RestoreRefusedError('newerSchema', unknown);
    const sourceMigration = header.migrations.at(-1) ?? '';
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${RESTORE_LOCK_KEY})`);
      await assertRestorable(tx, new Set(header.migrations));
      await migrate(tx, known.filter((m) => m.name <= sourceMigration));
      const tables = new Map((await discoverTables(tx)).map((t) => [t.name, t]));
      const rows = await loadRows(tx, tables, backup.rows);
      await resetOwnedSequences(tx);
      const upgradedWith = await migrate(tx, known);
      await appendAudit(tx, { type: 'backup.restored', actor: options.actor, data: { rows, sourceMigration } });
      return { rows, sourceMigration, upgradedWith };
    });
  } finally {
    await backup.close();
  }
}

/** Refuses a target holding data, or whose schema is already past the backup's. */
async function assertRestorable(tx: Tx, backupMigrations: Set<string>): Promise<void> {
  const [present] = await queryRows<{ ok: boolean }>(tx, sql`select to_regclass(${`public.${MIGRATIONS_TABLE}`}) is not null as ok`);
  if (present?.ok) {
    const applied = await queryRows<{ name: string }>(tx, sql`select name from ${sql.identifier(MIGRATIONS_TABLE)} order by name`);
    const ahead = applied.find((m) => !backupMigrations.has(m.name));
    if (ahead) throw new RestoreRefusedError('targetAhead', ahead.name);
  }
  for (const table of await discoverTables(tx)) {
    const seed = SEED_ROWS[table.name];
    const where = seed ? sql`where not (${seed})` : sql``;
    const [r] = await queryRows<{ found: boolean }>(tx, sql`select exists (select 1 from ${sql.identifier(table.name)} ${where}) as found`);
    if (r?.found) throw new RestoreRefusedError('notEmpty');
  }
}

async function loadRows(tx: Tx, tables: Map<string, TableInfo>, rows: AsyncIterable<BackupRow>): Promise<number> {
  let total = 0;
  let batch: string[] = [];
  let batchChars = 0;
  let batchTable: TableInfo | undefined;
  const flush = async () => {
    if (batchTable && batch.length > 0) await insertBatch(tx, batchTable, batch);
    total += batch.length;
    batch = [];
    batchChars = 0;
  };
  for await (const row of rows) {
    if (row.table !== batchTable?.name) {
      await flush();
      batchTable = tables.get(row.table);
      // The file names a table that this schema version does not have.
      if (!batchTable) throw new BackupFileError('rejected', { table: row.table });
      if (SEED_ROWS[row.table]) await tx.execute(sql`delete from ${sql.identifier(row.table)}`);
    }
    batch.push(row.json);
    batchChars += row.json.length;
    if (batch.length >= BATCH_ROWS || batchChars >= BATCH_CHARS) await flush();
  }
  await flush();
  return total;
}

/**
 * json_populate_recordset lets PostgreSQL convert every value from its own row_to_json
 * text, so timestamps, arrays, jsonb and bytea come back identical on both backends.
 * Identity values are kept as they were (OVERRIDING SYSTEM VALUE).
 */
async function insertBatch(tx: Tx, table: TableInfo, rows: string[]): Promise<void> {
  const name = sql.identifier(table.name);
  const columns = sql.join(
    table.insertColumns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  try {
    await tx.execute(
      sql`insert into ${name} (${columns}) overriding system value
          select ${columns} from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`,
    );
  } catch (err) {
    // A value PostgreSQL will not take (bad type, broken constraint) means a damaged file.
    if (sqlState(err)) throw new BackupFileError('rejected', { table: table.name });
    throw err;
  }
}

/** Serial and identity sequences restart after the restored values, not at 1. */
async function resetOwnedSequences(tx: Tx): Promise<void> {
  const owned = await queryRows<{ seq: string; table_name: string; column_name: string }>(
    tx,
    sql`select s.relname as seq, t.relname as table_name, a.attname as column_name
        from pg_class s
        join pg_namespace n on n.oid = s.relnamespace
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and n.nspname = 'public' and d.deptype in ('a', 'i')`,
  );
  for (const o of owned) {
    const seq = `public.${quoteIdent(o.seq)}`;
    await tx.execute(
      sql`select setval(${seq}::regclass, coalesce((select max(${sql.identifier(o.column_name)}) from ${sql.identifier(o.table_name)}), 0) + 1, false)`,
    );
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
