import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notificationListQuery, notificationPageView, notificationSettingsView } from '../../domain/notifications/schemas.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import type { Db } from '../db/client.ts';
import { notificationSettings, notifications } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import type { DeliverySettings } from './channels.ts';

function ownerOf(request: FastifyRequest): string {
  const actor = requireActor(request);
  if (actor.kind !== 'user' || !can(actor, 'notification.list')) throw new SiraError('FORBIDDEN');
  return actor.userId;
}

/** The signed-in user's own notifications and how they want to hear; nobody else's, ever. */
export function notificationRoutes(app: FastifyInstance, db: Db, delivery: Pick<DeliverySettings, 'smtpUrl' | 'smsUrl'>): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/api/notifications',
    {
      config: { policy: 'notification.list' },
      schema: {
        summary: "The signed-in user's notifications, newest first, and how many are unread (perPage=0: the count alone).",
        tags: ['notifications'],
        querystring: notificationListQuery,
        response: { 200: notificationPageView, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const userId = ownerOf(request);
      const { unread, page, perPage } = request.query;
      const mine = eq(notifications.userId, userId);
      const unreadOnly = and(mine, isNull(notifications.readAt));
      const filter = unread === 'true' ? unreadOnly : mine;
      const [unreadCount] = await db.select({ n: count() }).from(notifications).where(unreadOnly);
      const [total] = unread === 'true' ? [unreadCount] : await db.select({ n: count() }).from(notifications).where(filter);
      const rows =
        perPage === 0
          ? []
          : await db
              .select()
              .from(notifications)
              .where(filter)
              .orderBy(desc(notifications.createdAt), desc(notifications.id))
              .limit(perPage)
              .offset((page - 1) * perPage);
      return {
        items: rows.map((n) => ({ id: n.id, kind: n.kind, link: n.link, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
        unread: unreadCount?.n ?? 0,
        total: total?.n ?? 0,
      };
    },
  );

  typed.get(
    '/api/notifications/settings',
    {
      config: { policy: 'notification.list' },
      schema: {
        summary: 'Whether the signed-in user also hears by email and SMS, and whether this server can send them.',
        tags: ['notifications'],
        querystring: z.object({ lang: z.string().optional() }).strict(),
        response: { 200: notificationSettingsView, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const userId = ownerOf(request);
      const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
      return { email: row?.email ?? true, smsPhone: row?.smsPhone ?? null, emailAvailable: delivery.smtpUrl !== null, smsAvailable: delivery.smsUrl !== null };
    },
  );
}
