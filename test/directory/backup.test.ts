import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { restoreBackup } from '../../src/server/backup/restore.ts';
import { writeBackup } from '../../src/server/backup/write.ts';
import { snapshot, withoutChainHead, withoutRestoreTrail } from '../cli/snapshot.ts';
import { createTestApp } from '../support/app.ts';
import { BACKEND, createTestDatabase } from '../support/database.ts';
import { seedDemoDirectory } from './fixture.ts';

/** Directory tables are found by the backup like any other; their numbers, arrays and JSON come back exactly. */
describe(`directory backup on ${BACKEND}`, () => {
  it('restores the demo directory identically, every directory table included', async () => {
    const t = await createTestApp();
    const target = await createTestDatabase({ migrate: false });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sira-directory-backup-'));
    try {
      await seedDemoDirectory(t);
      const file = path.join(dir, 'directory.sira.gz');
      await writeBackup(t.database.db, file);
      const before = await snapshot(t.database.db);
      const directoryTables = Object.keys(before).filter((name) => name.startsWith('directory_'));
      expect(directoryTables.length).toBe(14);
      for (const name of directoryTables) expect(before[name]!.length, name).toBeGreaterThan(0);
      await restoreBackup(target.db, file, { actor: SYSTEM_CLI });
      expect(withoutRestoreTrail(await snapshot(target.db))).toEqual(withoutChainHead(before));
    } finally {
      await t.close();
      await target.destroy();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
