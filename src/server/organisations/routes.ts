import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { organisationView } from '../../domain/organisations/schemas.ts';
import { deniedRead } from '../audit/denied.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { presentOrganisation } from './presenter.ts';
import { listOrganisations, lookupOrganisation } from './queries.ts';

export function organisationRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/organisations',
    {
      config: { policy: 'organisation.list' },
      schema: { summary: 'Partner organisations this user may see.', tags: ['organisations'], response: { 200: z.object({ items: z.array(organisationView) }), 401: errorBodySchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await listOrganisations(db, actor)).map(presentOrganisation) };
    },
  );
  r.get(
    '/api/organisations/:id',
    {
      config: { policy: 'organisation.read' },
      schema: {
        summary: 'One partner organisation.',
        tags: ['organisations'],
        params: z.object({ id: z.uuid() }),
        response: { 200: organisationView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const found = await lookupOrganisation(db, requireActor(request), request.params.id);
      if (found.state === 'missing') throw new SiraError('NOT_FOUND');
      if (found.state === 'hidden') throw await deniedRead(db, request, 'organisation.read', 'NOT_FOUND', { type: 'organisation', id: found.row.id });
      return presentOrganisation(found.row);
    },
  );
}
