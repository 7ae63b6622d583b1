import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, MigrationError, loadMigrations, migrate } from '../../src/server/db/migrate.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { BACKEND, type TestDatabase, createTestDatabase } from '../support/database.ts';

const lock = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'migrations.lock.json'), 'utf8')) as { migrations: Record<string, string> };

/** As Actual Budget does: released migrations never change, so every deployment can upgrade. */
describe('migrations stay additive', () => {
  const migrations = loadMigrations();

  it('every recorded migration still exists, unchanged', () => {
    const byName = new Map(migrations.map((m) => [m.name, m.checksum]));
    for (const [name, checksum] of Object.entries(lock.migrations)) expect(byName.get(name), name).toBe(checksum);
  });

  it('every migration file is recorded (run npm run db:lock after adding one)', () => {
    expect(migrations.map((m) => m.name)).toEqual(Object.keys(lock.migrations).sort());
  });

  it('no migration drops or renames anything that existing data or older code relies on', () => {
    const destructive = /\b(drop\s+(table|column|schema|type)|rename\s+(to|column)|alter\s+column\s+\S+\s+(set\s+data\s+)?type|truncate)\b/i;
    for (const m of migrations) for (const s of m.statements) expect(destructive.test(s.replace(/--.*$/gm, '')), `${m.name}: ${s.slice(0, 80)}`).toBe(false);
  });

  it('uses only PostgreSQL 15 functions (no uuidv7 or other newer built-ins)', () => {
    for (const m of migrations) for (const s of m.statements) expect(/\buuidv7\s*\(|\buuidv4\s*\(/i.test(s), m.name).toBe(false);
  });
});

describe(`applying migrations on ${BACKEND}`, () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('applies all migrations once, then nothing', async () => {
    db = await createTestDatabase({ migrate: false });
    expect(await migrate(db.db)).toEqual(loadMigrations().map((m) => m.name));
    expect(await migrate(db.db)).toEqual([]);
    const [head] = await queryRows<{ seq: string; hash: string }>(db.db, sql`select seq, hash from audit_chain_head`);
    expect(Number(head?.seq)).toBe(0);
    const extensions = await queryRows<{ extname: string }>(db.db, sql`select extname from pg_extension order by extname`);
    expect(extensions.map((e) => e.extname)).toEqual(expect.arrayContaining(['fuzzystrmatch', 'pg_trgm', 'pgcrypto', 'unaccent']));
  });

  it('refuses to start on a database whose applied migration was edited', async () => {
    db = await createTestDatabase();
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db.db, edited)).rejects.toThrow(MigrationError);
  });

  it('refuses a database migrated by a newer Sira', async () => {
    db = await createTestDatabase();
    await expect(migrate(db.db, loadMigrations().slice(0, 1))).rejects.toThrow(/does not know/);
  });

  it('rolls back a failing migration entirely', async () => {
    db = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-mig-'));
    for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'))) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, '9999_broken.sql'), 'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT no_such_function();\n');
    await expect(migrate(db.db, loadMigrations(dir))).rejects.toThrow();
    const tables = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from information_schema.tables where table_name = 'half_done'`);
    expect(tables[0]?.n).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
