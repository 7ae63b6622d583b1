import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.ts';
import { queryRows } from '../../src/server/db/rows.ts';

export type Snapshot = Record<string, string[]>;

/**
 * Every base table of schema public, found independently of the code under test, as sorted
 * row_to_json texts in UTC (PGlite and PostgreSQL may run in different time zones). The
 * migrator's table keeps only name and checksum: its applied_at is the restore's own.
 */
export async function snapshot(db: Db): Promise<Snapshot> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const tables = await queryRows<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const result: Snapshot = {};
    for (const { name } of tables) {
      const select =
        name === 'sira_migrations'
          ? sql`select json_build_object('name', name, 'checksum', checksum)::text as j from sira_migrations`
          : sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t`;
      result[name] = (await queryRows<{ j: string }>(tx, select)).map((r) => r.j).sort();
    }
    return result;
  });
}

/** The restored copy minus what the restore itself adds: its audit event and the chain head it moved. */
export function withoutRestoreTrail(s: Snapshot): Snapshot {
  const { audit_chain_head: _head, ...rest } = s;
  return { ...rest, audit_events: (s.audit_events ?? []).filter((j) => (JSON.parse(j) as { type: string }).type !== 'backup.restored') };
}

export function withoutChainHead(s: Snapshot): Snapshot {
  const { audit_chain_head: _head, ...rest } = s;
  return rest;
}
