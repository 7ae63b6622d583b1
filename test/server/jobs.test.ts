import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { runCommand } from '../../src/server/commands/run.ts';
import { auditEvents, jobs } from '../../src/server/db/schema/index.ts';
import { enqueueJob } from '../../src/server/jobs/queue.ts';
import { type JobHandler, JobWorker } from '../../src/server/jobs/worker.ts';
import { BACKEND } from '../support/database.ts';
import { type TestApp, createOrganisationAndUser, createTestApp, login } from '../support/app.ts';

describe(`durable jobs on ${BACKEND}`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const jobById = async (id: string) => (await t.database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  const worker = (handlers: Record<string, JobHandler>) => new JobWorker(t.database.db, new Map(Object.entries(handlers)), { pollMs: 60_000, random: () => 0.5 });

  it('runs a due job once, and leaves a future job alone', async () => {
    const seen: string[] = [];
    const due = await enqueueJob(t.database.db, { kind: 'test.echo', payload: { ref: 'a' } });
    const later = await enqueueJob(t.database.db, { kind: 'test.echo', payload: { ref: 'b' }, runAt: new Date(Date.now() + 3_600_000) });
    const w = worker({ 'test.echo': async ({ job }) => void seen.push((job.payload as { ref: string }).ref) });
    expect(await w.drain()).toBe(1);
    expect(await w.drain()).toBe(0);
    expect(seen).toEqual(['a']);
    expect((await jobById(due!)).status).toBe('succeeded');
    expect((await jobById(later!)).status).toBe('pending');
  });

  it('retries a failing job with exponential back-off, then marks it dead, audited and visible to administrators', async () => {
    const id = (await enqueueJob(t.database.db, { kind: 'test.fail', maxAttempts: 3 }))!;
    const w = worker({ 'test.fail': async () => Promise.reject(new Error('partner API unreachable')) });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now();
      expect(await w.runOne()).toBe(true);
      const job = await jobById(id);
      expect(job.attempts).toBe(attempt);
      expect(job.lastError).toBe('Error: partner API unreachable');
      if (attempt < 3) {
        expect(job.status).toBe('pending');
        delays.push(job.runAt.getTime() - before);
        await t.database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, id)); // fast-forward
      } else {
        expect(job.status).toBe('dead');
      }
    }
    expect(delays[0]).toBeGreaterThanOrEqual(4_000);
    expect(delays[1]).toBeGreaterThanOrEqual(delays[0]! * 1.8);
    const [dead] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'job.dead'));
    expect(dead).toMatchObject({ targetIds: [id], data: { kind: 'test.fail', attempts: 3 } });

    const { email } = await createOrganisationAndUser(t, ['system_admin']);
    const session = await login(t, email);
    const res = await t.app.inject({ method: 'GET', url: '/api/admin/jobs?status=dead', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ counts: { dead: 1 }, items: [{ id, kind: 'test.fail', status: 'dead', attempts: 3, lastError: 'Error: partner API unreachable' }] });

    const retry = await runCommand(t.database.db, t.registry, { name: 'job.retry', commandId: uuidv4(), input: { jobId: id }, actor: SYSTEM_CLI, requestId: 't', locale: 'fr' });
    expect(retry.result).toEqual({ jobId: id, status: 'pending' });
    expect(await jobById(id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('keeps at most one active job per dedupe key', async () => {
    const a = await enqueueJob(t.database.db, { kind: 'test.echo', dedupeKey: 'referral-42-deadline' });
    const b = await enqueueJob(t.database.db, { kind: 'test.echo', dedupeKey: 'referral-42-deadline' });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    await worker({ 'test.echo': async () => undefined }).drain();
    expect(await enqueueJob(t.database.db, { kind: 'test.echo', dedupeKey: 'referral-42-deadline' })).not.toBeNull();
  });

  it('re-queues a job whose process died while running it (lease expired)', async () => {
    const id = (await enqueueJob(t.database.db, { kind: 'test.echo' }))!;
    await t.database.db.update(jobs).set({ status: 'running', lockedAt: new Date(Date.now() - 10 * 60_000), lockedBy: 'dead-host:1', attempts: 1 }).where(eq(jobs.id, id));
    let ran = 0;
    const w = new JobWorker(t.database.db, new Map([['test.echo', async () => void ran++]]), { pollMs: 60_000, leaseMs: 60_000 });
    expect(await w.drain()).toBe(1);
    expect(ran).toBe(1);
    expect(await jobById(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('reschedules recurring work after success', async () => {
    await enqueueJob(t.database.db, { kind: 'test.recurring', dedupeKey: 'test.recurring' });
    const next = new Date(Date.now() + 86_400_000);
    await worker({ 'test.recurring': async () => ({ rescheduleAt: next }) }).drain();
    const rows = await t.database.db.select().from(jobs).where(eq(jobs.kind, 'test.recurring'));
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'succeeded']);
    expect(rows.find((r) => r.status === 'pending')?.runAt.getTime()).toBe(next.getTime());
  });
});
