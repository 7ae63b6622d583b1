import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, SiraError } from '../../domain/errors/catalogue.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBody, errorBodySchema } from '../http/error-body.ts';
import { type CommandRegistry, runCommand } from './run.ts';

const MAX_BATCH = 50;

/**
 * One route per command (so the OpenAPI document shows each input), plus a batch route:
 * an offline outbox sends many commands in one round trip on a 2G link.
 */
export function commandRoutes(app: FastifyInstance, db: Db, registry: CommandRegistry, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => ({ actor: requireActor(request), requestId: request.id, locale: request.locale, sessionTokenHash: request.sessionTokenHash, apiTokenId: request.apiTokenId, secrets });
  for (const def of registry.values()) {
    r.post(
      `/api/commands/${def.name}`,
      {
        config: { policy: 'authenticated' },
        schema: {
          summary: def.summary,
          tags: ['commands'],
          body: z.object({ id: z.uuid(), input: def.input }).strict(),
          response: {
            200: z.object({ commandId: z.uuid(), status: z.enum(['applied', 'replayed']), result: def.result, ...(def.ephemeral ? { ephemeral: def.ephemeral.optional() } : {}) }),
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
            409: errorBodySchema,
          },
        },
      },
      async (request) => {
        const body = request.body as { id: string; input: unknown };
        return runCommand(db, registry, { name: def.name, commandId: body.id, input: body.input, ...context(request) });
      },
    );
  }

  const batchItem = z.object({ id: z.uuid(), name: z.string().max(100), input: z.unknown() }).strict();
  r.post(
    '/api/commands',
    {
      config: { policy: 'authenticated' },
      schema: {
        summary: `Apply up to ${MAX_BATCH} commands in order, each in its own transaction; one failure does not stop the others.`,
        tags: ['commands'],
        body: z.object({ commands: z.array(batchItem).min(1).max(MAX_BATCH) }).strict(),
        response: {
          200: z.object({
            results: z.array(
              z.union([
                z.object({ commandId: z.uuid(), status: z.enum(['applied', 'replayed']), result: z.unknown(), ephemeral: z.unknown().optional() }),
                z.object({ commandId: z.uuid(), status: z.literal('rejected'), error: errorBodySchema.shape.error }),
              ]),
            ),
          }),
          400: errorBodySchema,
          401: errorBodySchema,
        },
      },
    },
    async (request) => {
      const ctx = context(request);
      const results = [];
      for (const c of request.body.commands) {
        try {
          results.push(await runCommand(db, registry, { name: c.name, commandId: c.id, input: c.input, ...ctx }));
        } catch (err) {
          if (!(err instanceof SiraError)) throw err;
          results.push({ commandId: c.id, status: 'rejected' as const, error: errorBody(err, request.locale, request.id).error });
        }
      }
      return { results };
    },
  );
}

export type { ErrorCode };
