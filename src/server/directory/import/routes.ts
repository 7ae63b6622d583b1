import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IMPORT_FORMATS } from '../../../domain/directory/import-problems.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { abilities } from '../../../domain/policies/policy.ts';
import type { CommandRegistry } from '../../commands/run.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { errorBodySchema } from '../../http/error-body.ts';
import { importDirectory } from './import.ts';
import { importProblemView, presentImportProblem } from './present.ts';

/** A national directory as HSDS JSON is a few megabytes; base64 adds a third. */
export const DIRECTORY_IMPORT_BODY_LIMIT = 24 * 1024 * 1024;

const importBody = z
  .object({
    file: z.base64().max(DIRECTORY_IMPORT_BODY_LIMIT),
    fileName: z.string().max(200).optional(),
    /** Store the services whose rows are all valid; the others are reported and left out. */
    validOnly: z.boolean().default(false),
    /** Check and count only. */
    dryRun: z.boolean().default(false),
  })
  .strict();

const countsView = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), verified: z.number().int(), skipped: z.number().int() });

/**
 * POST /api/directory/import: the same reading and checks as `sira directory import`. A
 * coordinator imports any organisation's services; a focal point only their own
 * organisation's (a row of another is a problem on its organisation cell). Each service is
 * stored by the service commands, so it is authorised and audited like an edit in the form.
 */
export function directoryImportRoutes(app: FastifyInstance, db: Db, registry: CommandRegistry): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/directory/import',
    {
      bodyLimit: DIRECTORY_IMPORT_BODY_LIMIT,
      config: { policy: 'service.manage' },
      schema: {
        summary: 'Import services from HSDS JSON, HSDS tabular CSV (zip) or the Excel template (base64); every problem with its sheet, row and column, nothing stored unless all rows are valid or validOnly is set.',
        tags: ['directory'],
        body: importBody,
        response: {
          200: z.object({ format: z.enum(IMPORT_FORMATS).nullable(), stored: z.boolean(), counts: countsView, problems: z.array(importProblemView) }),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!abilities(actor).includes('service.manage')) throw new SiraError('FORBIDDEN');
      const { file, fileName, validOnly, dryRun } = request.body;
      const report = await importDirectory(db, registry, Buffer.from(file, 'base64'), fileName ?? 'import', { actor, requestId: request.id, locale: request.locale, validOnly, dryRun });
      return { format: report.format, stored: report.stored, counts: report.counts, problems: report.problems.map((p) => presentImportProblem(p, request.locale)) };
    },
  );
}
