import os from 'node:os';
import { now } from '../clock.ts';
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { retryDelayMs } from '../../domain/jobs/backoff.ts';
import { SYSTEM_JOB } from '../../domain/identity/actor.ts';
import { appendAudit } from '../audit/append.ts';
import type { Db } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';
import { queryRows } from '../db/rows.ts';
import { sqlState } from '../db/errors.ts';
import { type JobRow, enqueueJob } from './queue.ts';

export interface JobHandlerContext {
  db: Db;
  job: JobRow;
}
/** A handler may ask to run again later (recurring work). Its errors must carry no personal data. */
export type JobHandler = (ctx: JobHandlerContext) => Promise<void | { rescheduleAt: Date }>;

export interface WorkerOptions {
  pollMs: number;
  /** A running job not finished within this time is presumed lost with its process. */
  leaseMs?: number;
  logger?: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  random?: () => number;
}

/**
 * Polls the jobs table. Claiming uses FOR UPDATE SKIP LOCKED, so several app servers on one
 * PostgreSQL share the work without running a job twice; on PGlite there is one process.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly id = `${os.hostname()}:${process.pid}`;

  constructor(
    private readonly db: Db,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((err: Error) => this.options.logger?.error({ err: { type: err.name, sqlState: sqlState(err) } }, 'job worker poll failed'))
        .finally(() => this.schedule(this.options.pollMs));
    }, delay);
  }

  /** Runs due jobs until none is left (or the worker stops). Returns how many ran. */
  async drain(): Promise<number> {
    let ran = 0;
    while (!this.stopped && (await this.runOne())) ran++;
    return ran;
  }

  /** Claims and runs one due job; false when none is due. */
  async runOne(): Promise<boolean> {
    const leaseMs = this.options.leaseMs ?? 5 * 60_000;
    const job = await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`update jobs set status = 'pending', locked_at = null, locked_by = null where status = 'running' and locked_at < ${new Date(Date.now() - leaseMs)}`,
      );
      const [due] = await queryRows<{ id: string }>(
        tx,
        sql`select id from jobs where status = 'pending' and run_at <= ${now()} order by run_at limit 1 for update skip locked`,
      );
      const id = due?.id;
      if (!id) return undefined;
      const [claimed] = await tx
        .update(jobs)
        .set({ status: 'running', lockedAt: new Date(), lockedBy: this.id, attempts: sql`${jobs.attempts} + 1` })
        .where(eq(jobs.id, id))
        .returning();
      return claimed;
    });
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const outcome = await handler({ db: this.db, job });
      await this.db.transaction(async (tx) => {
        await tx.update(jobs).set({ status: 'succeeded', finishedAt: new Date(), lockedAt: null, lockedBy: null, lastError: null }).where(eq(jobs.id, job.id));
        if (outcome && 'rescheduleAt' in outcome) {
          await enqueueJob(tx, { kind: job.kind, payload: job.payload as Record<string, string>, runAt: outcome.rescheduleAt, maxAttempts: job.maxAttempts, ...(job.dedupeKey ? { dedupeKey: job.dedupeKey } : {}) });
        }
      });
    } catch (err) {
      await this.fail(job, err as Error);
    }
    return true;
  }

  private async fail(job: JobRow, err: Error): Promise<void> {
    const message = `${err.name}: ${err.message}`.slice(0, 500);
    const dead = job.attempts >= job.maxAttempts;
    await this.db.transaction(async (tx) => {
      await tx
        .update(jobs)
        .set({
          status: dead ? 'dead' : 'pending',
          lastError: message,
          lockedAt: null,
          lockedBy: null,
          ...(dead ? { finishedAt: new Date() } : { runAt: new Date(now().getTime() + retryDelayMs(job.attempts, this.options.random)) }),
        })
        .where(eq(jobs.id, job.id));
      if (dead) {
        await appendAudit(tx, { type: 'job.dead', actor: SYSTEM_JOB, targetType: 'job', targetIds: [job.id], data: { kind: job.kind, attempts: job.attempts } });
      }
    });
    this.options.logger?.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, dead }, 'job failed');
  }
}
