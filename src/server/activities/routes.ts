import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attendanceTotals, headCountSchema } from '../../domain/activities/attendance.ts';
import { activityDetailView, activityListQuery, activityPageView, evaluationView, participantView } from '../../domain/activities/schemas.ts';
import { LOCALES } from '../../domain/i18n/locales.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { deniedRead } from '../audit/denied.ts';
import { now } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { canManageActivity, readableActivity } from './load.ts';
import { openParticipantName } from './participant-name.ts';
import { presentActivityDetail, presentActivitySummary, presentEvaluation, presentParticipant } from './presenter.ts';
import { evaluationCounts, evaluationRows, headCounts, listActivities, listScope, loadAttendance, participantCounts, participantRows } from './queries.ts';
import { activityResultsView, activityResults } from './results.ts';

const tags = ['activities'];
const params = z.object({ id: z.uuid() });
const errors = { 401: errorBodySchema, 404: errorBodySchema };

export function activityRoutes(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/activities',
    {
      config: { policy: 'activity.list' },
      schema: {
        summary: 'Community activities the caller runs or co-organises (coordinators: all), upcoming, past or all, page by page. No participant data.',
        tags,
        querystring: activityListQuery,
        response: { 200: activityPageView, 400: errorBodySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = listScope(actor);
      if (scope === undefined || !can(actor, 'activity.list')) throw await deniedRead(db, request, 'activity.list', 'ROUTE_NOT_FOUND');
      const q = request.query;
      const { rows, total } = await listActivities(db, scope, { view: q.view, today: now().toISOString().slice(0, 10), limit: q.perPage, offset: (q.page - 1) * q.perPage });
      const counts = await participantCounts(db, rows);
      return { items: rows.map((row) => presentActivitySummary(row, counts.get(row.id) ?? 0)), total, page: q.page, perPage: q.perPage };
    },
  );

  r.get(
    '/api/activities/:id',
    {
      config: { policy: 'activity.read' },
      schema: {
        summary: 'An activity: its plan and programme, state, report texts, attendance figures, numbers of evaluations, and what the caller may do now.',
        tags,
        params,
        response: { 200: activityDetailView, ...errors },
      },
    },
    async (request) => {
      const { actor, row } = await readableActivity(db, request, request.params.id);
      const totals = attendanceTotals(await loadAttendance(db, row));
      return presentActivityDetail(actor, row, totals, await evaluationCounts(db, row.id));
    },
  );

  r.get(
    '/api/activities/:id/participants',
    {
      config: { policy: 'activity.read' },
      schema: {
        summary: "Named participants by code, sex, age band, category and days present; names (given with consent) only to the running organisation's officers, and that read is audited.",
        tags,
        params,
        response: { 200: z.object({ items: z.array(participantView) }), ...errors },
      },
    },
    async (request) => {
      const { actor, row } = await readableActivity(db, request, request.params.id);
      const rows = await participantRows(db, row.id);
      const withNames = canManageActivity(actor, row) && rows.some((p) => p.nameSealed !== null);
      if (!withNames) return { items: rows.map((p) => presentParticipant(p, null)) };
      const box = secrets();
      const items = rows.map((p) => presentParticipant(p, openParticipantName(box, p.id, p.nameSealed)));
      await db.transaction((tx) =>
        appendAudit(tx, {
          type: 'activity.participants_viewed',
          actor,
          requestId: request.id,
          targetType: 'activity',
          targetIds: [row.id],
          data: { named: items.filter((p) => p.name !== null).length },
        }),
      );
      return { items };
    },
  );

  r.get(
    '/api/activities/:id/head-counts',
    {
      config: { policy: 'activity.read' },
      schema: { summary: 'Anonymous attendance: head counts per day by sex, age band and category.', tags, params, response: { 200: z.object({ counts: z.array(headCountSchema) }), ...errors } },
    },
    async (request) => {
      const { row } = await readableActivity(db, request, request.params.id);
      return { counts: await headCounts(db, row.id) };
    },
  );

  r.get(
    '/api/activities/:id/evaluations',
    {
      config: { policy: 'activity.read' },
      schema: { summary: 'Questionnaires entered for the activity (knowledge tests before and after, satisfaction surveys), with scores; not their answers.', tags, params, response: { 200: z.object({ items: z.array(evaluationView) }), ...errors } },
    },
    async (request) => {
      const { row } = await readableActivity(db, request, request.params.id);
      return { items: (await evaluationRows(db, row.id)).map(presentEvaluation) };
    },
  );

  r.get(
    '/api/activities/:id/results',
    {
      config: { policy: 'activity.read' },
      schema: {
        summary: 'Results: attendance per day and overall by sex, age band and category; knowledge test figures per question, before/after means and paired gain; satisfaction per item.',
        tags,
        params,
        querystring: z.object({ lang: z.enum(LOCALES).optional() }).strict(),
        response: { 200: activityResultsView, 400: errorBodySchema, ...errors },
      },
    },
    async (request) => {
      const { row } = await readableActivity(db, request, request.params.id);
      return activityResults(db, row, request.query.lang ?? request.locale);
    },
  );
}
