import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { can } from '../../../domain/policies/policy.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { errorBodySchema } from '../../http/error-body.ts';
import { EXPORT_FORMATS, EXPORT_MEDIA, exportDirectory } from './export.ts';

/**
 * GET /api/directory/export?format=hsds-json|hsds-csv|xlsx: the whole directory, members-only
 * services and confidential addresses included, so only for those who manage every
 * organisation's entries (the rule of `taxonomy.manage`: directory.manage everywhere). The
 * public, filtered view is /hsds.
 */
export function directoryExportRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/directory/export',
    {
      config: { policy: 'taxonomy.manage' },
      schema: {
        summary: 'Export the whole directory (coordinators): HSDS JSON, HSDS tabular CSV in a zip, or the Excel template filled in.',
        tags: ['directory'],
        querystring: z.object({ format: z.enum(EXPORT_FORMATS) }).strict(),
        response: { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'taxonomy.manage')) throw new SiraError('FORBIDDEN');
      const { format } = request.query;
      const media = EXPORT_MEDIA[format];
      const file = `annuaire-${new Date().toISOString().slice(0, 10)}.${media.extension}`;
      // A binary body skips the JSON serializer; the cast only quiets the typed-reply check.
      return (reply as FastifyReply).type(media.type).header('content-disposition', `attachment; filename="${file}"`).send(Buffer.from(await exportDirectory(db, format)));
    },
  );
}
