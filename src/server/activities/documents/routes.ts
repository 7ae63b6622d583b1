import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importAttendanceResult } from '../../../domain/activities/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import type { Actor } from '../../../domain/identity/actor.ts';
import { LOCALES, type Locale } from '../../../domain/i18n/locales.ts';
import { appendAudit } from '../../audit/append.ts';
import { type CommandRegistry, runCommand } from '../../commands/run.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import type { Db } from '../../db/client.ts';
import { errorBodySchema } from '../../http/error-body.ts';
import { type ActivityRow, canManageActivity, daysOf, readableActivity } from '../load.ts';
import { renderAttendanceSheetPdf } from './attendance-sheet-pdf.ts';
import { readAttendanceWorkbook, writeAttendanceWorkbook } from './attendance-workbook.ts';
import { type ActivityReportData, loadActivityReportData } from './report-data.ts';
import { renderReportDocx } from './report-docx.ts';
import { buildReportModel } from './report-model.ts';
import { renderReportPdf } from './report-pdf.ts';
import { DEFAULT_BLANK_ROWS, MAX_BLANK_ROWS, sheetRows } from './sheet-rows.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** A filled sheet of a few hundred rows is well under a megabyte; the limit leaves room for pasted styles. */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

const tags = ['activities'];
const params = z.object({ id: z.uuid() });
const lang = z.enum(LOCALES).optional();
const binary = { 401: errorBodySchema, 404: errorBodySchema };

/** A file name people recognise in their downloads folder, without characters some systems refuse. */
function fileName(row: ActivityRow, kind: string, extension: string): string {
  const title = row.title
    .normalize('NFD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${kind}-${row.startDate}-${title || row.id}.${extension}`;
}

/**
 * Names leave only for the running organisation's officers (as on the participants screen), and
 * only those given with consent; printing them is audited like reading them.
 */
async function loadData(db: Db, secrets: () => SecretBox, request: FastifyRequest, actor: Actor, row: ActivityRow, locale: Locale): Promise<ActivityReportData> {
  const data = await loadActivityReportData(db, secrets(), row, locale, { withNames: canManageActivity(actor, row) });
  const named = data.participants.filter((p) => p.name !== null).length;
  if (named > 0) {
    await db.transaction((tx) => appendAudit(tx, { type: 'activity.participants_viewed', actor, requestId: request.id, targetType: 'activity', targetIds: [row.id], data: { named } }));
  }
  return data;
}

function send(reply: FastifyReply, type: string, name: string, body: Buffer, disposition: 'inline' | 'attachment') {
  return reply.type(type).header('Content-Disposition', `${disposition}; filename="${name}"`).header('Cache-Control', 'private, no-store').send(body);
}

/**
 * The activity's documents: the report (DOCX, PDF), the printable attendance sheet, its Excel
 * twin, and the import of a filled Excel sheet, which runs `activity.import_attendance`.
 */
export function activityDocumentRoutes(app: FastifyInstance, db: Db, registry: CommandRegistry, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  for (const format of ['docx', 'pdf'] as const) {
    r.get(
      `/api/activities/:id/report.${format}`,
      {
        config: { policy: 'activity.read' },
        schema: {
          summary: `The activity report as ${format.toUpperCase()} in French (default), English or Bambara: summary, programme, participation tables and chart, evaluation results, group work, recommendations, attendance annex (names only with consent, and only for the running organisation).`,
          tags,
          params,
          querystring: z.object({ lang }).strict(),
          response: binary,
        },
      },
      async (request, reply) => {
        const { actor, row } = await readableActivity(db, request, request.params.id);
        const locale = request.query.lang ?? 'fr';
        const model = buildReportModel(await loadData(db, secrets, request, actor, row, locale), locale);
        const body = format === 'docx' ? await renderReportDocx(model, locale) : await renderReportPdf(model, locale);
        return send(reply, format === 'docx' ? DOCX : 'application/pdf', fileName(row, 'rapport', format), body, format === 'pdf' ? 'inline' : 'attachment');
      },
    );
  }

  const sheetQuery = z.object({ lang, rows: z.coerce.number().int().min(0).max(MAX_BLANK_ROWS).default(DEFAULT_BLANK_ROWS) }).strict();
  const sheet = async (request: FastifyRequest, id: string, query: z.output<typeof sheetQuery>) => {
    const { actor, row } = await readableActivity(db, request, id);
    const locale = query.lang ?? request.locale;
    const data = await loadData(db, secrets, request, actor, row, locale);
    return { row, locale, data, rows: sheetRows(data.participants, query.rows, (n) => randomBytes(n)) };
  };

  r.get(
    '/api/activities/:id/attendance-sheet.pdf',
    {
      config: { policy: 'activity.read' },
      schema: {
        summary: 'The printable attendance sheet (PDF, A4 landscape): codes pre-printed for registered participants, then `rows` blank lines with fresh codes; one column per day.',
        tags,
        params,
        querystring: sheetQuery,
        response: { ...binary, 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      const s = await sheet(request, request.params.id, request.query);
      return send(reply, 'application/pdf', fileName(s.row, 'presence', 'pdf'), await renderAttendanceSheetPdf(s.data, s.rows, s.locale), 'inline');
    },
  );

  r.get(
    '/api/activities/:id/attendance-template.xlsx',
    {
      config: { policy: 'activity.read' },
      schema: {
        summary: 'The attendance sheet as Excel, to type a filled paper sheet into and import it: same codes and columns, drop-down lists, x for present.',
        tags,
        params,
        querystring: sheetQuery,
        response: { ...binary, 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      const s = await sheet(request, request.params.id, request.query);
      return send(reply, XLSX, fileName(s.row, 'presence', 'xlsx'), await writeAttendanceWorkbook(s.data, s.rows, s.locale), 'attachment');
    },
  );

  // The file is the body, as it is on disk: a parser of its own, in this route's context only.
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/activities/:id/attendance/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { policy: 'activity.manage' },
        schema: {
          summary: 'Import a filled attendance sheet (the Excel template, as the raw body): every problem with its row and column and nothing changed, or all rows stored through activity.import_attendance (idempotent by commandId).',
          tags,
          params,
          querystring: z.object({ commandId: z.uuid(), lang }).strict(),
          response: { 200: importAttendanceResult, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 415: errorBodySchema },
        },
      },
      async (request) => {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== undefined && type !== XLSX && type !== 'application/octet-stream') throw new SiraError('UNSUPPORTED_MEDIA_TYPE');
        const { actor, row } = await readableActivity(db, request, request.params.id);
        // A co-organiser reads the activity but does not change it: told so before the file is read.
        if (!canManageActivity(actor, row)) throw new SiraError('FORBIDDEN');
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new SiraError('VALIDATION_FAILED', [{ path: 'file', code: 'attendance_sheet_unreadable' }]);
        const { participants, problems } = await readAttendanceWorkbook(body, { days: daysOf(row), locale: request.query.lang ?? request.locale });
        if (problems.length > 0) {
          throw new SiraError(
            'VALIDATION_FAILED',
            problems.map((p) => ({ path: p.row === null ? 'file' : `row ${p.row} / column ${p.column}`, code: p.code })),
          );
        }
        const receipt = await runCommand(db, registry, {
          name: 'activity.import_attendance',
          commandId: request.query.commandId,
          input: { activityId: row.id, participants },
          actor,
          requestId: request.id,
          locale: request.locale,
          sessionTokenHash: request.sessionTokenHash,
          apiTokenId: request.apiTokenId,
          secrets,
        });
        return receipt.result as z.output<typeof importAttendanceResult>;
      },
    );
  });
}
