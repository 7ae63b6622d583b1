import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { jobs } from '../../src/server/db/schema/index.ts';
import { enqueueJob } from '../../src/server/jobs/queue.ts';
import { JobWorker } from '../../src/server/jobs/worker.ts';
import { BACKEND, createEmptyPostgresDatabase, TEST_PG_URL } from '../support/database.ts';

describe(`jobs across a restart on ${BACKEND}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });

  it('runs after a restart a job scheduled before it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-jobs-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { SIRA_DATA_DIR: dataDir };
    if (TEST_PG_URL) {
      const pg = await createEmptyPostgresDatabase();
      cleanups.push(pg.drop);
      env.DATABASE_URL = pg.url;
    }
    const config = loadConfig(env);

    const before = await openDatabase(config);
    const id = await enqueueJob(before.database.db, { kind: 'referral.deadline', payload: { referralId: 'r-1' }, runAt: new Date(Date.now() + 300) });
    await before.close(); // the process "stops" before the job is due

    await new Promise((r) => setTimeout(r, 400));
    const after = await openDatabase(config);
    cleanups.unshift(() => after.close());
    const ran: unknown[] = [];
    const worker = new JobWorker(after.database.db, new Map([['referral.deadline', async ({ job }) => void ran.push(job.payload)]]), { pollMs: 50 });
    expect(await worker.drain()).toBe(1);
    expect(ran).toEqual([{ referralId: 'r-1' }]);
    const [row] = await after.database.db.select().from(jobs).where(eq(jobs.id, id!));
    expect(row?.status).toBe('succeeded');
  });
});
