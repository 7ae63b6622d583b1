import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { formDefinitionSchema } from '../../domain/forms/definition.ts';
import { evaluateForm } from '../../domain/forms/evaluate.ts';
import { formDetailView, formVersionView, formView, validateAnswersInput, validationResultView } from '../../domain/forms/schemas.ts';
import { scoreAnswers } from '../../domain/forms/scoring.ts';
import { withoutIrrelevant } from '../../domain/forms/prune.ts';
import { can } from '../../domain/policies/policy.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { presentForm, presentFormDetail, presentVersion } from './presenter.ts';
import { findForm, findVersion, listForms, listVersions } from './queries.ts';
import { exportXlsForm } from './xlsform-export.ts';
import { countQuestions, importXlsForm } from './xlsform-import.ts';
import { presentProblem, problemView } from './xlsform-problems.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A questionnaire workbook is tens of kilobytes; this leaves room for long multilingual ones. */
const XLSFORM_BODY_LIMIT = 4 * 1024 * 1024;
const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });

export function formRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['forms'];
  r.get('/api/forms', { config: { policy: 'form.list' }, schema: { summary: 'Questionnaires.', tags, response: { 200: z.object({ items: z.array(formView) }), 401: errorBodySchema } } }, async (request) => ({
    items: (await listForms(db, requireActor(request))).map(presentForm),
  }));

  r.get(
    '/api/forms/:id',
    { config: { policy: 'form.read' }, schema: { summary: 'One questionnaire with its versions.', tags, params: z.object({ id: z.uuid() }), response: { 200: formDetailView, 401: errorBodySchema, 404: errorBodySchema } } },
    async (request) => {
      const row = await findForm(db, requireActor(request), request.params.id);
      if (!row) throw new SiraError('NOT_FOUND');
      return presentFormDetail(row, await listVersions(db, row.id));
    },
  );

  r.get(
    '/api/forms/:id/versions/:version',
    { config: { policy: 'form.read' }, schema: { summary: 'One version of a questionnaire, with its definition.', tags, params: versionParams, response: { 200: formVersionView, 401: errorBodySchema, 404: errorBodySchema } } },
    async (request) => {
      const row = await findVersion(db, requireActor(request), request.params.id, request.params.version);
      if (!row) throw new SiraError('NOT_FOUND');
      return presentVersion(row);
    },
  );

  r.get(
    '/api/forms/:id/versions/:version/xlsform',
    { config: { policy: 'form.read' }, schema: { summary: 'One version exported as an XLSForm workbook.', tags, params: versionParams, response: { 401: errorBodySchema, 404: errorBodySchema } } },
    async (request, reply) => {
      const row = await findVersion(db, requireActor(request), request.params.id, request.params.version);
      if (!row) throw new SiraError('NOT_FOUND');
      const file = `${row.definition.formId}-v${row.version}.xlsx`;
      // A binary body skips the JSON serializer; the cast only quiets the typed-reply check.
      return (reply as FastifyReply).type(XLSX).header('content-disposition', `attachment; filename="${file}"`).send(Buffer.from(await exportXlsForm(row.definition)));
    },
  );

  r.post(
    '/api/forms/:id/versions/:version/validate',
    {
      config: { policy: 'form.read' },
      schema: {
        summary: 'Check answers against the version they were collected with (the same code the web app runs); nothing is stored.',
        tags,
        params: versionParams,
        body: validateAnswersInput,
        response: { 200: validationResultView, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const row = await findVersion(db, requireActor(request), request.params.id, request.params.version);
      if (!row) throw new SiraError('NOT_FOUND');
      const evaluation = evaluateForm(row.definition, request.body.answers);
      // A hidden question earns nothing: it is not part of what would be kept.
      const { total, max, percentage } = scoreAnswers(row.definition, withoutIrrelevant(row.definition, request.body.answers, evaluation));
      const { issues, relevant, calculated, repeatCounts } = evaluation;
      return { valid: issues.length === 0, issues, relevant, calculated, repeatCounts, score: { total, max, percentage } };
    },
  );

  r.post(
    '/api/forms/xlsform',
    {
      bodyLimit: XLSFORM_BODY_LIMIT,
      config: { policy: 'form.manage' },
      schema: {
        summary: 'Read an XLSForm workbook (base64) into a definition, or list every problem with its sheet, row and column. Nothing is stored: form.create does that.',
        tags,
        body: z.object({ file: z.base64().max(XLSFORM_BODY_LIMIT), fileName: z.string().max(200).optional() }).strict(),
        response: {
          200: z.union([
            z.object({ ok: z.literal(true), definition: formDefinitionSchema, questionCount: z.number().int(), warnings: z.array(problemView) }),
            z.object({ ok: z.literal(false), problems: z.array(problemView), warnings: z.array(problemView) }),
          ]),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'form.manage')) throw new SiraError('FORBIDDEN');
      const fallback = request.body.fileName?.replace(/\.xlsx$/i, '') ?? 'form';
      const result = await importXlsForm(Buffer.from(request.body.file, 'base64'), fallback);
      const warnings = result.warnings.map((p) => presentProblem(p, request.locale));
      if (!result.ok) return { ok: false as const, problems: result.problems.map((p) => presentProblem(p, request.locale)), warnings };
      return { ok: true as const, definition: result.form, questionCount: countQuestions(result.form), warnings };
    },
  );
}
