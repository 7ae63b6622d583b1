import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../domain/policies/policy.ts';
import type { Db } from '../db/client.ts';
import { deniedRead } from './denied.ts';
import { auditEvents } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';

const auditEventView = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  type: z.string(),
  actorUserId: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  commandId: z.string().nullable(),
  requestId: z.string().nullable(),
  targetType: z.string().nullable(),
  targetIds: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
});

const filters = z
  .object({
    actorUserId: z.uuid().optional(),
    type: z.string().max(60).optional(),
    targetId: z.string().max(80).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Page backwards: events with a sequence number below this one. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    lang: z.string().optional(),
  })
  .strict();

/** The audit log for auditors: who did what, to which record, when. It holds no personal values. */
export function auditRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      config: { policy: 'audit.read' },
      schema: { summary: 'Audit events, newest first, filtered by actor, type, record and time.', tags: ['audit'], querystring: filters, response: { 200: z.object({ items: z.array(auditEventView), nextBefore: z.number().nullable() }), 401: errorBodySchema, 404: errorBodySchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'audit.read')) throw await deniedRead(db, request, 'audit.read', 'ROUTE_NOT_FOUND');
      const q = request.query;
      const where: SQL[] = [];
      if (q.actorUserId) where.push(eq(auditEvents.actorUserId, q.actorUserId));
      if (q.type) where.push(eq(auditEvents.type, q.type));
      if (q.targetId) where.push(sql`${q.targetId} = any(${auditEvents.targetIds})`);
      if (q.from) where.push(gte(auditEvents.occurredAt, new Date(q.from)));
      if (q.to) where.push(lte(auditEvents.occurredAt, new Date(q.to)));
      if (q.before) where.push(lt(auditEvents.seq, q.before));
      const rows = await db.select().from(auditEvents).where(and(...where)).orderBy(desc(auditEvents.seq)).limit(q.limit);
      return {
        items: rows.map((e) => ({
          seq: e.seq,
          occurredAt: e.occurredAt.toISOString(),
          type: e.type,
          actorUserId: e.actorUserId,
          actorOrganisationId: e.actorOrganisationId,
          commandId: e.commandId,
          requestId: e.requestId,
          targetType: e.targetType,
          targetIds: e.targetIds,
          data: e.data as Record<string, unknown>,
        })),
        nextBefore: rows.length === q.limit ? (rows.at(-1)?.seq ?? null) : null,
      };
    },
  );
}
