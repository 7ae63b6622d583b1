import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, rowLine } from './format.ts';
import { MIGRATIONS_TABLE, type TableInfo, discoverTables, rowOrder } from './tables.ts';

export interface BackupSummary {
  file: string;
  rows: number;
  tables: number;
}

const FETCH_SIZE = 500;
const CURSOR = 'sira_backup_cursor';

/**
 * Writes a complete backup of the database to `file`. All rows are read in one
 * REPEATABLE READ snapshot, so the copy is consistent even while the server writes. The
 * file appears under its final name only once complete (temp file + rename), readable by
 * its owner only: it holds the whole database (encrypted fields stay encrypted).
 */
export async function writeBackup(db: Db, file: string, now = new Date()): Promise<BackupSummary> {
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
  // Awaited after the snapshot; until then a write failure (disk full) must not count as unhandled.
  written.catch(() => undefined);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    const summary = await db.transaction(
      async (tx) => {
        // JSON timestamps then carry +00:00 whatever the server's time zone: identical files from both backends.
        await tx.execute(sql`set local time zone 'UTC'`);
        const tables = await discoverTables(tx);
        const header = await snapshotHeader(tx, tables, now);
        await write(`${JSON.stringify(header)}\n`);
        let rows = 0;
        for (const [i, table] of tables.entries()) {
          const streamed = await streamTable(tx, table, write);
          if (streamed !== header.tables[i]!.rows) throw new Error(`table ${table.name} changed during the backup snapshot`);
          rows += streamed;
        }
        return { file: target, rows, tables: tables.length };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await written;
    await syncFile(temp);
    await fs.rename(temp, target);
    await syncDirectory(path.dirname(target));
    return summary;
  } catch (err) {
    gzip.destroy();
    await written.catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw err;
  }
}

async function snapshotHeader(tx: Tx, tables: TableInfo[], now: Date): Promise<BackupHeader> {
  const [exists] = await queryRows<{ present: boolean }>(tx, sql`select to_regclass(${`public.${MIGRATIONS_TABLE}`}) is not null as present`);
  const migrations = exists?.present
    ? (await queryRows<{ name: string }>(tx, sql`select name from ${sql.identifier(MIGRATIONS_TABLE)} order by name`)).map((r) => r.name)
    : [];
  const counted: BackupHeader['tables'] = [];
  for (const t of tables) {
    const [r] = await queryRows<{ n: number | string }>(tx, sql`select count(*) as n from ${sql.identifier(t.name)}`);
    counted.push({ name: t.name, rows: Number(r?.n ?? 0) });
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), migrations, tables: counted };
}

/** Streams one table through a cursor, so a large table never sits whole in memory. */
async function streamTable(tx: Tx, table: TableInfo, write: (text: string) => Promise<void>): Promise<number> {
  const alias = 'sira_row';
  await tx.execute(
    sql`declare ${sql.identifier(CURSOR)} no scroll cursor for
        select row_to_json(${sql.identifier(alias)})::text as j from ${sql.identifier(table.name)} ${sql.identifier(alias)}
        order by ${rowOrder(table, alias)}`,
  );
  let count = 0;
  for (;;) {
    const batch = await queryRows<{ j: string }>(tx, sql.raw(`fetch forward ${FETCH_SIZE} from ${CURSOR}`));
    if (batch.length === 0) break;
    await write(batch.map((r) => rowLine(table.name, r.j)).join(''));
    count += batch.length;
  }
  await tx.execute(sql.raw(`close ${CURSOR}`));
  return count;
}

/** The data reaches the disk before the rename makes the file visible under its name. */
async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; not every file system lets a folder be opened for this. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    await syncFile(dir);
  } catch {
    /* best effort */
  }
}
