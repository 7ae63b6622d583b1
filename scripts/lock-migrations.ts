import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR, loadMigrations } from '../src/server/db/migrate.ts';

/**
 * Records the checksum of every migration file. Run after adding a migration; the test
 * suite fails if a recorded migration is later edited or removed.
 */
const lockFile = path.join(MIGRATIONS_DIR, 'migrations.lock.json');
const current = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { migrations: Record<string, string> };
for (const m of loadMigrations()) {
  const known = current.migrations[m.name];
  if (known && known !== m.checksum) throw new Error(`migration ${m.name} was edited after being recorded; restore it and add a new migration`);
  current.migrations[m.name] = m.checksum;
}
fs.writeFileSync(lockFile, `${JSON.stringify(current, null, 2)}\n`);
console.log(`${Object.keys(current.migrations).length} migrations recorded`);
