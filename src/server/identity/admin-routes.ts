import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { roleView, sessionView, userView } from '../../domain/identity/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { deniedRead } from '../audit/denied.ts';
import type { Db } from '../db/client.ts';
import { roles } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { presentRole, presentSession, presentUser } from './presenters.ts';
import { listUsers, liveSessions, lookupUser, usersWithSecondFactor } from './queries.ts';
import { loadRoleDefinitions } from './roles.ts';

const errors = { 401: errorBodySchema, 404: errorBodySchema };

export function identityAdminRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/users',
    {
      config: { policy: 'user.list' },
      schema: {
        summary: 'Staff accounts this user manages (their organisation, or all for a system administrator).',
        tags: ['identity'],
        querystring: z.object({ organisationId: z.uuid().optional(), lang: z.string().optional() }).strict(),
        response: { 200: z.object({ items: z.array(userView) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'user.list')) throw await deniedRead(db, request, 'user.list', 'ROUTE_NOT_FOUND');
      const rows = await listUsers(db, actor, request.query.organisationId ? { organisationId: request.query.organisationId } : {});
      const withSecondFactor = await usersWithSecondFactor(db, rows.map((u) => u.id));
      return { items: rows.map((u) => presentUser(u, withSecondFactor.has(u.id))) };
    },
  );

  r.get(
    '/api/users/:id',
    {
      config: { policy: 'user.read' },
      schema: { summary: 'One staff account.', tags: ['identity'], params: z.object({ id: z.uuid() }), response: { 200: userView, ...errors } },
    },
    async (request) => {
      const found = await lookupUser(db, requireActor(request), request.params.id);
      if (found.state === 'missing') throw new SiraError('NOT_FOUND');
      if (found.state === 'hidden') throw await deniedRead(db, request, 'user.read', 'NOT_FOUND', { type: 'user', id: found.row.id });
      return presentUser(found.row, (await usersWithSecondFactor(db, [found.row.id])).has(found.row.id));
    },
  );

  r.get(
    '/api/users/:id/sessions',
    {
      config: { policy: 'session.revoke' },
      schema: { summary: 'Live sessions of one account (yours, or of someone you manage).', tags: ['identity'], params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(sessionView) }), ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      const found = await lookupUser(db, actor, request.params.id);
      if (found.state === 'missing') throw new SiraError('NOT_FOUND');
      const user = found.row;
      if (found.state === 'hidden' || !can(actor, 'session.revoke', { userId: user.id, organisationId: user.organisationId, roles: user.roles })) {
        throw await deniedRead(db, request, 'session.revoke', 'NOT_FOUND', { type: 'user', id: user.id });
      }
      return { items: (await liveSessions(db, [user.id])).map((s) => presentSession(s, request.sessionTokenHash)) };
    },
  );

  r.get(
    '/api/roles',
    {
      config: { policy: 'role.list' },
      schema: { summary: 'Roles in force: defaults, adjusted defaults and custom roles.', tags: ['identity'], response: { 200: z.object({ items: z.array(roleView) }), ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'role.list')) throw await deniedRead(db, request, 'role.list', 'ROUTE_NOT_FOUND');
      const defs = await loadRoleDefinitions(db);
      const overrides = new Map((await db.select({ key: roles.key, label: roles.label }).from(roles)).map((o) => [o.key, o]));
      return { items: [...defs.entries()].map(([key, def]) => presentRole(key, def, overrides.get(key))) };
    },
  );
}
