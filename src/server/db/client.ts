import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The common Drizzle surface of both backends: code never branches on the backend. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: functions taking it compose into one transaction. */
export type DbOrTx = Db | Tx;

export type BackendKind = 'pglite' | 'postgres';

export interface SiraDatabase {
  db: Db;
  kind: BackendKind;
  /** Human description for logs: never includes credentials. */
  description: string;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm, fuzzystrmatch, unaccent, pgcrypto };

/** Embedded PostgreSQL (WASM) in a folder; `undefined` keeps it in memory (tests). */
export async function openPglite(dataDir: string | undefined): Promise<SiraDatabase> {
  const client = await PGlite.create(dataDir ? { dataDir, extensions: PGLITE_EXTENSIONS } : { extensions: PGLITE_EXTENSIONS });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    description: dataDir ? `PGlite (${dataDir})` : 'PGlite (memory)',
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<SiraDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'sira' });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  const target = new URL(url);
  return {
    db,
    kind: 'postgres',
    description: `PostgreSQL (${target.hostname}:${target.port || 5432}${target.pathname})`,
    async close() {
      await pool.end();
    },
  };
}
