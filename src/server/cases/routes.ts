import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { duplicateCheckInput } from '../../domain/cases/schemas.ts';
import { type DuplicateCandidateView, caseDetailView, caseSummaryView, consentOverrideView, duplicateCandidateView, linkComparisonView, linkRequestView } from '../../domain/cases/views.ts';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { can } from '../../domain/policies/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { deniedRead } from '../audit/denied.ts';
import { blindIndexer } from '../crypto/blind-index.ts';
import { decryptWith } from '../crypto/envelope.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { caseLinkRequests, cases, consentOverrides } from '../db/schema/index.ts';
import { requireActor } from '../http/auth.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { loadCaseFile, casesByIds } from './case-file.ts';
import { findDuplicateCandidates } from './dedupe-index.ts';
import { issueMatchToken } from './links.ts';
import { casePhotoRoute } from './photo.ts';
import { presentCaseSummary } from './presenter.ts';
import { listCases, readableCase } from './queries.ts';
import { caseKey, openIdentity, overrideReasonContext } from './sealed-case.ts';
import { organisationNames } from '../organisations/names.ts';

const tags = ['cases'];

export const DUPLICATE_CHECKS_PER_MINUTE = 30;

export function caseRoutes(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  casePhotoRoute(app, db, secrets);

  r.get(
    '/api/cases',
    {
      config: { policy: 'case.list' },
      schema: {
        summary: 'Cases the caller may read, newest first; `q` finds one by its case code or a phone number (exact, through a blind index).',
        tags,
        querystring: z.object({ q: z.string().max(60).optional(), page: z.coerce.number().int().min(1).max(10_000).default(1), perPage: z.coerce.number().int().min(1).max(100).default(25) }),
        response: { 200: z.object({ items: z.array(caseSummaryView) }), 401: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const rows = await listCases(db, secrets, actor, { q: q.q, limit: q.perPage, offset: (q.page - 1) * q.perPage });
      return { items: rows.map(presentCaseSummary) };
    },
  );

  r.get(
    '/api/cases/:id',
    {
      config: { policy: 'case.read' },
      schema: {
        summary: 'A case file with its identifying data, consents and screenings; every read is audited.',
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: caseDetailView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const { actor, row } = await readableCase(db, request, request.params.id);
      return db.transaction(async (tx) => {
        const file = await loadCaseFile(tx, secrets(), row);
        await appendAudit(tx, { type: 'case.viewed', actor, requestId: request.id, targetType: 'case', targetIds: [row.id], data: { purpose: 'file' } });
        return file;
      });
    },
  );

  r.post(
    '/api/cases/duplicate-check',
    {
      // An identifier checks once or twice per registration; many checks a minute is someone
      // probing who is known where.
      config: {
        policy: 'case.register',
        rateLimit: { max: DUPLICATE_CHECKS_PER_MINUTE, timeWindow: 60_000, hook: 'preHandler', keyGenerator: (req: FastifyRequest) => (req.actor?.kind === 'user' ? `user:${req.actor.userId}` : req.ip) },
      },
      schema: {
        summary: "Before registering: is this person perhaps known already? Cases of the caller's organisation by code; another organisation's only by its name.",
        tags,
        body: duplicateCheckInput,
        response: { 200: z.object({ candidates: z.array(duplicateCandidateView) }), 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind !== 'user' || !can(actor, 'case.register', { organisationId: actor.organisationId })) throw await deniedRead(db, request, 'case.register', 'NOT_FOUND');
      const now = new Date();
      return db.transaction(async (tx) => {
        const box = secrets();
        const found = await findDuplicateCandidates(tx, box, await blindIndexer(tx, box), request.body.identity, request.body.stats, now);
        const names = await organisationNames(tx, found.map((c) => c.organisationId));
        // One line per other organisation: how many records it holds says nothing the identifier needs.
        const seenOther = new Set<string>();
        const candidates = found.flatMap((c): DuplicateCandidateView[] => {
          if (c.organisationId === actor.organisationId) return [{ heldBy: 'own' as const, caseId: c.caseId, caseCode: c.caseCode, likely: c.likely }];
          if (seenOther.has(c.organisationId)) return [];
          seenOther.add(c.organisationId);
          return [{ heldBy: 'other' as const, organisationId: c.organisationId, organisationName: names.get(c.organisationId) ?? '', likely: c.likely, token: issueMatchToken(box, actor.userId, c, now) }];
        });
        await appendAudit(tx, {
          type: 'case.duplicates_checked',
          actor,
          requestId: request.id,
          targetType: 'case',
          targetIds: found.map((c) => c.caseId),
          data: { candidates: found.length, heldElsewhere: found.filter((c) => c.organisationId !== actor.organisationId).length },
        });
        return { candidates };
      });
    },
  );

  const linkSummary = async (rows: (typeof caseLinkRequests.$inferSelect)[]) => {
    const byId = await casesByIds(db, rows.flatMap((l) => [l.caseId, l.otherCaseId]));
    const names = await organisationNames(db, [...byId.values()].map((c) => c.organisationId));
    const side = (id: string) => {
      const c = byId.get(id)!;
      return { id: c.id, caseCode: c.caseCode, organisationId: c.organisationId, organisationName: names.get(c.organisationId) ?? '' };
    };
    return rows.map((l) => ({ id: l.id, status: l.status, score: l.score, requestedAt: l.requestedAt.toISOString(), requesting: side(l.caseId), other: side(l.otherCaseId) }));
  };

  r.get(
    '/api/case-links',
    {
      config: { policy: 'case.merge' },
      schema: { summary: 'Coordinator: requests to link possible duplicates across organisations, pending first.', tags, response: { 200: z.object({ items: z.array(linkRequestView) }), 401: errorBodySchema, 404: errorBodySchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'case.merge')) throw await deniedRead(db, request, 'case.merge', 'NOT_FOUND');
      const rows = await db.select().from(caseLinkRequests).orderBy(desc(eq(caseLinkRequests.status, 'pending')), desc(caseLinkRequests.requestedAt)).limit(200);
      return { items: await linkSummary(rows) };
    },
  );

  r.get(
    '/api/case-links/:id',
    {
      config: { policy: 'case.merge' },
      schema: {
        summary: 'Coordinator: both cases of a link request side by side, to decide; audited as a read of both.',
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: linkComparisonView, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'case.merge')) throw await deniedRead(db, request, 'case.merge', 'NOT_FOUND', { type: 'case_link_request', id: request.params.id });
      const [link] = await db.select().from(caseLinkRequests).where(eq(caseLinkRequests.id, request.params.id));
      if (!link) throw new SiraError('NOT_FOUND');
      const [summary] = await linkSummary([link]);
      const byId = await casesByIds(db, [link.caseId, link.otherCaseId]);
      const box = secrets();
      const withIdentity = (id: string) => {
        const row = byId.get(id)!;
        return { ...presentCaseSummary(row), identity: row.identity ? openIdentity(box, row) : null };
      };
      const view = { ...summary!, requestingCase: withIdentity(link.caseId), otherCase: withIdentity(link.otherCaseId) };
      await db.transaction((tx) => appendAudit(tx, { type: 'case.viewed', actor, requestId: request.id, targetType: 'case', targetIds: [link.caseId, link.otherCaseId], data: { purpose: 'merge_review' } }));
      return view;
    },
  );

  r.get(
    '/api/consent-overrides',
    {
      config: { policy: 'consent.review' },
      schema: {
        summary: 'Coordinator: every disclosure made without consent, with its reason; unreviewed first.',
        tags,
        querystring: z.object({ unreviewed: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(consentOverrideView) }), 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!can(actor, 'consent.review')) throw await deniedRead(db, request, 'consent.review', 'NOT_FOUND');
      const rows = await db
        .select({ o: consentOverrides, c: cases })
        .from(consentOverrides)
        .innerJoin(cases, eq(cases.id, consentOverrides.caseId))
        .where(request.query.unreviewed === 'true' ? isNull(consentOverrides.reviewedAt) : and())
        .orderBy(desc(isNull(consentOverrides.reviewedAt)), asc(consentOverrides.overriddenAt))
        .limit(500);
      const box = secrets();
      const items = rows.map(({ o, c }) => ({
        id: o.id,
        caseId: c.id,
        caseCode: c.caseCode,
        organisationId: o.organisationId,
        toOrganisationId: o.toOrganisationId,
        serviceType: o.serviceType,
        // An erased person's reason went with their data key.
        reason: o.reason && c.dataKey ? decryptWith(caseKey(box, c), o.reason, overrideReasonContext(o.id)) : null,
        overriddenAt: o.overriddenAt.toISOString(),
        reviewedAt: o.reviewedAt?.toISOString() ?? null,
      }));
      return { items };
    },
  );
}
