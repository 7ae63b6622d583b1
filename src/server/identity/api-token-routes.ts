import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiTokenView, apiTokenView } from '../../domain/identity/credential-schemas.ts';
import { actorUserId } from '../../domain/identity/actor.ts';
import type { Db } from '../db/client.ts';
import { apiTokens } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';

type ApiTokenRow = typeof apiTokens.$inferSelect;

/** Never the hash: it is all a database thief would need to recognise a token in use. */
export function presentApiToken(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function apiTokenRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/api-tokens',
    {
      config: { policy: 'api_token.list' },
      schema: { summary: "The signed-in user's API tokens, newest first (revoked ones included).", tags: ['identity'], response: { 200: z.object({ items: z.array(apiTokenView) }), 401: errorBodySchema } },
    },
    async (request) => {
      const userId = actorUserId(requireActor(request));
      if (!userId) return { items: [] };
      const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt)).limit(200);
      return { items: rows.map(presentApiToken) };
    },
  );
}
