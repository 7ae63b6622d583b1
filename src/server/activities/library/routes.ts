import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIBRARY_KINDS, libraryItemView, type LibraryItemView } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { can } from '../../../domain/policies/policy.ts';
import type { Db } from '../../db/client.ts';
import { activityLibraryItems } from '../../db/schema/index.ts';
import { requireActor } from '../../http/auth.ts';
import { errorBodySchema } from '../../http/error-body.ts';

type LibraryRow = typeof activityLibraryItems.$inferSelect;

const texts = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** The stored JSON is copied field by field: nothing else in it leaves (no author, no dates). */
export function presentLibraryItem(row: LibraryRow): LibraryItemView {
  return {
    id: row.id,
    kind: row.kind as LibraryItemView['kind'],
    builtinKey: row.builtinKey,
    title: texts(row.title),
    description: texts(row.description),
    content: row.content,
    audiences: row.audiences as LibraryItemView['audiences'],
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

const listQuery = z.object({
  kind: z.enum(LIBRARY_KINDS).optional(),
  /** true: archived items too (the library screen); false (default): only those offered when planning. */
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** Shipped items first (the national templates), then the others by title. */
export async function listLibraryItems(db: Db, filter: z.output<typeof listQuery>): Promise<LibraryItemView[]> {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(activityLibraryItems.kind, filter.kind));
  if (!filter.archived) where.push(isNull(activityLibraryItems.archivedAt));
  const rows = await db
    .select()
    .from(activityLibraryItems)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(activityLibraryItems.createdAt), asc(activityLibraryItems.id));
  const items = rows.map(presentLibraryItem);
  const title = (i: LibraryItemView) => i.title.fr ?? '';
  return items.sort((a, b) => Number(b.builtinKey !== null) - Number(a.builtinKey !== null) || title(a).localeCompare(title(b), 'fr'));
}

export function activityLibraryRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/activity-library',
    {
      config: { policy: 'activity_library.read' },
      schema: {
        summary: 'The activity library: themes, exercises and questionnaires to plan activities from (archived ones only when asked).',
        tags: ['activities'],
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(libraryItemView) }), 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      // No personal data here: a refusal is a plain 403, like the forms' management.
      if (!can(actor, 'activity_library.read')) throw new SiraError('FORBIDDEN');
      return { items: await listLibraryItems(db, request.query) };
    },
  );
}
