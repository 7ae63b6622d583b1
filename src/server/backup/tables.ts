import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

/** The migrator's own bookkeeping: recorded in the backup header, never copied as data. */
export const MIGRATIONS_TABLE = 'sira_migrations';

export interface TableInfo {
  name: string;
  /** Columns a restore writes: generated columns are recomputed by PostgreSQL instead. */
  insertColumns: string[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  generated: boolean;
  pk_position: number | string;
}

/**
 * Every base table of schema `public` (but the migrator's), ordered so that a table comes
 * after the tables its foreign keys point to. Read from the catalogue rather than from the
 * Drizzle schema, so that a table added by a later migration is backed up without code.
 */
export async function discoverTables(db: DbOrTx): Promise<TableInfo[]> {
  const columns = await queryRows<ColumnRow>(
    db,
    sql`select c.relname as table_name, a.attname as column_name, a.attgenerated <> '' as generated,
          coalesce(array_position(pk.conkey, a.attnum), 0) as pk_position
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relname <> ${MIGRATIONS_TABLE}
        order by c.relname, a.attnum`,
  );
  const tables = new Map<string, TableInfo & { pk: { column: string; position: number }[] }>();
  for (const c of columns) {
    let t = tables.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, insertColumns: [], primaryKey: [], pk: [] };
      tables.set(c.table_name, t);
    }
    if (!c.generated) t.insertColumns.push(c.column_name);
    const position = Number(c.pk_position);
    if (position > 0) t.pk.push({ column: c.column_name, position });
  }
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select distinct ch.relname as child, pa.relname as parent
        from pg_constraint k
        join pg_class ch on ch.oid = k.conrelid
        join pg_class pa on pa.oid = k.confrelid
        join pg_namespace n on n.oid = ch.relnamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const ordered = dependencyOrder([...tables.keys()], edges);
  return ordered.map((name) => {
    const { pk, ...info } = tables.get(name)!;
    info.primaryKey = pk.sort((a, b) => a.position - b.position).map((p) => p.column);
    return info;
  });
}

/**
 * Kahn's topological sort, ties broken by name so that two backups of the same database
 * list tables in the same order. A self-reference needs no ordering between tables; a
 * cycle between tables cannot be satisfied by any order, so its members go last by name.
 */
export function dependencyOrder(names: string[], edges: { child: string; parent: string }[]): string[] {
  const known = new Set(names);
  const parents = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) {
    if (e.child !== e.parent && known.has(e.child) && known.has(e.parent)) parents.get(e.child)!.add(e.parent);
  }
  const done: string[] = [];
  const placed = new Set<string>();
  const remaining = [...names].sort();
  while (remaining.length > 0) {
    const index = remaining.findIndex((n) => [...parents.get(n)!].every((p) => placed.has(p)));
    const [next] = remaining.splice(index === -1 ? 0 : index, 1);
    done.push(next!);
    placed.add(next!);
  }
  return done;
}

/** A deterministic row order: the primary key, else the row's whole text. */
export function rowOrder(table: TableInfo, alias: string): SQL {
  if (table.primaryKey.length === 0) return sql`row_to_json(${sql.identifier(alias)})::text`;
  return sql.join(
    table.primaryKey.map((c) => sql`${sql.identifier(alias)}.${sql.identifier(c)}`),
    sql`, `,
  );
}
