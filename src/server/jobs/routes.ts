import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../domain/policies/policy.ts';
import { deniedRead } from '../audit/denied.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { type JobRow, countJobsByStatus, listJobs } from './queue.ts';

const jobStatus = z.enum(['pending', 'running', 'succeeded', 'dead']);
const jobView = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: jobStatus,
  runAt: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Payloads are left out: administrators see what failed and why, not the job's data. */
function presentJob(j: JobRow): z.infer<typeof jobView> {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status as z.infer<typeof jobStatus>,
    runAt: j.runAt.toISOString(),
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    lastError: j.lastError,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
  };
}

export function jobRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/jobs',
    {
      config: { policy: 'job.list' },
      schema: {
        summary: 'Scheduled and failed background jobs, for administrators.',
        tags: ['administration'],
        querystring: z.object({ status: jobStatus.optional(), lang: z.string().optional() }).strict(),
        response: { 200: z.object({ counts: z.record(z.string(), z.number()), items: z.array(jobView) }), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // Administration pages do not exist for whoever may not use them.
      if (!can(actor, 'job.list')) throw await deniedRead(db, request, 'job.list', 'ROUTE_NOT_FOUND');
      const items = await listJobs(db, request.query.status ? { status: request.query.status } : {});
      return { counts: await countJobsByStatus(db), items: items.map(presentJob) };
    },
  );
}
