import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../domain/i18n/locales.ts';
import { appendAudit } from '../../audit/append.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/client.ts';
import { errorBodySchema } from '../../http/error-body.ts';
import { readableCase } from '../queries.ts';
import { type PersonExport, buildPersonExport, exportLocale } from './export-json.ts';
import { renderPersonExport } from './export-pdf.ts';

const tags = ['cases'];
const params = z.object({ id: z.uuid() });
const querystring = z.object({ lang: z.enum(LOCALES).optional() });

/**
 * The person's right of access: everything held on them, to hand over (JSON for another
 * system, PDF to read), by the organisation that holds the case. Each export is audited as a
 * read of the case with purpose `rights_export`, in the transaction that reads it, so the
 * export lists itself in its own access log.
 */
export function rightsRoutes(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const load = async (request: FastifyRequest, id: string, lang: Locale | undefined): Promise<PersonExport> => {
    const { actor, row } = await readableCase(db, request, id);
    const locale = exportLocale(lang, row.preferredLanguage, request.locale);
    return db.transaction(async (tx) => {
      await appendAudit(tx, { type: 'case.viewed', actor, requestId: request.id, targetType: 'case', targetIds: [row.id], data: { purpose: 'rights_export' } });
      return buildPersonExport(tx, secrets(), row, locale, new Date());
    });
  };

  r.get(
    '/api/cases/:id/export.json',
    {
      config: { policy: 'case.read' },
      schema: {
        summary: "Everything held on a person, for the person (JSON, in their language: `lang`, else the case's preferred language, else the caller's); audited.",
        tags,
        params,
        querystring,
        response: { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const data = await load(request, request.params.id, request.query.lang);
      return (reply as FastifyReply)
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${data.case.caseCode}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );

  r.get(
    '/api/cases/:id/export.pdf',
    {
      config: { policy: 'case.read' },
      schema: {
        summary: 'Everything held on a person, as a readable A4 document in their language; audited.',
        tags,
        params,
        querystring,
        response: { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const data = await load(request, request.params.id, request.query.lang);
      const pdf = await renderPersonExport(data);
      return (reply as FastifyReply).type('application/pdf').header('content-disposition', `attachment; filename="${data.case.caseCode}.pdf"`).send(pdf);
    },
  );
}
