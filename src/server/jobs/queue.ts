import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { DbOrTx } from '../db/client.ts';
import { jobs } from '../db/schema/index.ts';

export type JobRow = typeof jobs.$inferSelect;
export type JobStatus = 'pending' | 'running' | 'succeeded' | 'dead';

export interface EnqueueOptions {
  kind: string;
  /** Ids and codes only: job payloads are stored in clear and may be shown to administrators. */
  payload?: Record<string, string | number | boolean | null>;
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is pending or running, enqueueing another is a no-op. */
  dedupeKey?: string;
}

/**
 * Schedules work for later. Call it with the transaction of the command that creates the
 * need (e.g. a referral's deadline), so the job exists exactly when the change does.
 */
export async function enqueueJob(db: DbOrTx, options: EnqueueOptions): Promise<string | null> {
  const id = uuidv7();
  const now = new Date();
  const inserted = await db
    .insert(jobs)
    .values({
      id,
      kind: options.kind,
      payload: options.payload ?? {},
      runAt: options.runAt ?? now,
      maxAttempts: options.maxAttempts ?? 8,
      dedupeKey: options.dedupeKey ?? null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return inserted[0]?.id ?? null;
}

export async function listJobs(db: DbOrTx, filter: { status?: JobStatus; limit?: number } = {}): Promise<JobRow[]> {
  const query = db.select().from(jobs);
  const limited = (filter.status ? query.where(eq(jobs.status, filter.status)) : query).orderBy(desc(jobs.createdAt)).limit(filter.limit ?? 100);
  return limited;
}

export async function countJobsByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function nextDueJob(db: DbOrTx, kind: string): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), eq(jobs.status, 'pending')))
    .orderBy(asc(jobs.runAt))
    .limit(1);
  return row;
}
