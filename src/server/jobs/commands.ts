import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { defineCommand } from '../commands/define.ts';
import { jobs } from '../db/schema/index.ts';

export const retryJob = defineCommand({
  name: 'job.retry',
  summary: 'Put a job that has exhausted its attempts back in the queue.',
  input: z.object({ jobId: z.uuid() }).strict(),
  result: z.object({ jobId: z.uuid(), status: z.literal('pending') }),
  async authorize({ tx, actor }, input) {
    if (!can(actor, 'job.retry')) throw new SiraError(can(actor, 'job.list') ? 'FORBIDDEN' : 'NOT_FOUND');
    const [job] = await tx.select({ status: jobs.status }).from(jobs).where(eq(jobs.id, input.jobId));
    if (!job) throw new SiraError('NOT_FOUND');
    if (job.status !== 'dead') throw new SiraError('CONFLICT');
  },
  async handle({ tx, now }, input) {
    await tx.update(jobs).set({ status: 'pending', attempts: 0, runAt: now, finishedAt: null }).where(eq(jobs.id, input.jobId));
    return { result: { jobId: input.jobId, status: 'pending' as const }, audit: { targetType: 'job', targetIds: [input.jobId], fields: ['status', 'attempts', 'runAt'] } };
  },
});
