import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import type { SiraDatabase } from '../db/client.ts';
import { errorBodySchema } from '../http/error-body.ts';

export function systemRoutes(app: FastifyInstance, database: SiraDatabase): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/healthz',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Liveness and database check, for monitoring and load balancers.',
        tags: ['system'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: errorBodySchema },
      },
    },
    async () => {
      try {
        await database.db.execute(sql`select 1`);
      } catch {
        throw new SiraError('SERVICE_UNAVAILABLE');
      }
      return { status: 'ok' as const, database: database.kind };
    },
  );
}
