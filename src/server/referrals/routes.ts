import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { disclosureAllowed } from '../../domain/cases/consent.ts';
import { escalationView, referralDetailView, referralListQuery, referralPageView, referralServiceTypeCode } from '../../domain/referrals/schemas.ts';
import { can } from '../../domain/policies/policy.ts';
import { deniedRead } from '../audit/denied.ts';
import { consentRecords } from '../cases/disclosure.ts';
import { readableCase } from '../cases/queries.ts';
import { now } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { loadReferralDetail } from './detail.ts';
import { referralPaperRoute } from './paper-route.ts';
import { listEscalations, listReferrals, summarise } from './queries.ts';

const tags = ['referrals'];

export function referralRoutes(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  referralPaperRoute(app, db, secrets);

  for (const box of ['inbox', 'sent'] as const) {
    r.get(
      `/api/referrals/${box}`,
      {
        config: { policy: 'referral.list' },
        schema: {
          summary:
            box === 'inbox'
              ? "Referrals received by the caller's organisation, by view (new, due soon, overdue, open, closed), with counts per view. No names."
              : "Referrals sent by the caller's organisation (optionally of one case), by view, with counts per view.",
          tags,
          querystring: box === 'inbox' ? referralListQuery : referralListQuery.extend({ caseId: z.uuid().optional() }),
          response: { 200: referralPageView, 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const organisationId = actor.kind === 'user' ? actor.organisationId : null;
        const allowed =
          organisationId !== null &&
          (box === 'inbox' ? can(actor, 'referral.respond', { organisationId }) : can(actor, 'referral.create', { organisationId }) || can(actor, 'case.read', { organisationId }));
        if (!allowed) throw await deniedRead(db, request, 'referral.list', 'ROUTE_NOT_FOUND');
        const q = request.query as z.infer<typeof referralListQuery> & { caseId?: string };
        const at = now();
        const { rows, counts, total } = await listReferrals(db, { box, organisationId, view: q.view, caseId: q.caseId, limit: q.perPage, offset: (q.page - 1) * q.perPage, now: at });
        return { items: await summarise(db, rows, at, box === 'sent'), counts, page: q.page, perPage: q.perPage, total };
      },
    );
  }

  r.get(
    '/api/referrals/escalations',
    {
      config: { policy: 'referral.oversee' },
      schema: {
        summary: 'Coordinator: overdue referrals escalated, latest first: organisations, service and times, never the person.',
        tags,
        response: { 200: z.object({ items: z.array(escalationView) }), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'referral.oversee')) throw await deniedRead(db, request, 'referral.oversee', 'ROUTE_NOT_FOUND');
      const rows = await listEscalations(db);
      const summaries = await summarise(db, rows, now(), false);
      return {
        items: summaries.map((s, i) => ({
          id: s.id,
          referenceCode: s.referenceCode,
          state: s.state,
          urgency: s.urgency,
          serviceType: s.serviceType,
          serviceName: s.serviceName,
          fromOrganisationName: s.fromOrganisationName,
          toOrganisationName: s.toOrganisationName,
          regionPcode: s.regionPcode,
          sentAt: s.sentAt,
          answerDueAt: s.answerDueAt,
          escalatedAt: rows[i]!.escalatedAt!.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/referrals/:id',
    {
      config: { policy: 'referral.read' },
      schema: {
        summary: 'A referral as one of its two sides sees it: the minimal data set, the reason, the steps and the actions allowed now. Audited.',
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: referralDetailView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => loadReferralDetail(db, secrets(), request, request.params.id, now()),
  );

  r.get(
    '/api/cases/:id/consent-check',
    {
      config: { policy: 'case.read' },
      schema: {
        summary: "Whether the person's consent covers disclosing to this organisation for this service type now (before a referral is sent).",
        tags: ['cases'],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ organisationId: z.uuid(), serviceType: referralServiceTypeCode.optional(), lang: z.string().optional() }).strict(),
        response: { 200: z.object({ covered: z.boolean() }), 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { row } = await readableCase(db, request, request.params.id);
      const target = { organisationId: request.query.organisationId, serviceType: request.query.serviceType ?? null };
      return { covered: disclosureAllowed(await consentRecords(db, row.id), target, now()) };
    },
  );
}
