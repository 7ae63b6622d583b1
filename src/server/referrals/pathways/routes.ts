import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { admin1Name } from '../../../domain/directory/geo.ts';
import { TERM_CODE_PATTERN } from '../../../domain/directory/schemas.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { LOCALES } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import { pcodeSchema } from '../../../domain/organisations/schemas.ts';
import { type DiagramLabels, pathwayDiagramSvg } from '../../../domain/referrals/flow-diagram.ts';
import { type PathwayStep, STEP_TIMINGS, responsibleFor } from '../../../domain/referrals/pathways.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { errorBodySchema } from '../../http/error-body.ts';
import { type PathwayRecord, findPathway, listPathways, organisationNames, responsibleIds } from './store.ts';
import { termNames } from '../../directory/term-names.ts';

const tags = ['referrals'];

const pathwayView = z.object({
  targetGroup: z.string(),
  steps: z.array(
    z.object({
      serviceType: z.string(),
      timing: z.enum(STEP_TIMINGS),
      responsible: z.array(z.object({ admin1Pcode: z.string(), organisationIds: z.array(z.uuid()) })),
    }),
  ),
  /** 0 for the shipped default; send it back as `expectedVersion` when saving. */
  version: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
const organisationRef = z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() });

/** The stored definition is copied field by field: nothing else in the JSON leaves. */
function presentPathway(record: PathwayRecord): z.infer<typeof pathwayView> {
  return {
    targetGroup: record.pathway.targetGroup,
    steps: record.pathway.steps.map((s) => ({
      serviceType: s.serviceType,
      timing: s.timing,
      responsible: s.responsible.map((r) => ({ admin1Pcode: r.admin1Pcode, organisationIds: [...r.organisationIds] })),
    })),
    version: record.version,
    isDefault: record.isDefault,
    updatedAt: record.updatedAt?.toISOString() ?? null,
  };
}

export function referralPathwayRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/referral-pathways',
    {
      config: { policy: 'pathway.read' },
      schema: {
        summary: 'The referral pathway of every target group (stored or default), with the names of the organisations they name.',
        tags,
        response: { 200: z.object({ items: z.array(pathwayView), organisations: z.array(organisationRef) }), 401: errorBodySchema },
      },
    },
    async (request) => {
      requireActor(request);
      const records = await listPathways(db);
      const named = await organisationNames(db, records.flatMap((rec) => responsibleIds(rec.pathway)));
      return { items: records.map(presentPathway), organisations: named };
    },
  );

  r.get(
    '/api/referral-pathways/:targetGroup/diagram.svg',
    {
      config: { policy: 'pathway.read' },
      schema: {
        summary: "A target group's pathway as a printable A4 flow chart (SVG) in the request's language; with `region`, the organisations answering there.",
        tags,
        params: z.object({ targetGroup: z.string().regex(TERM_CODE_PATTERN) }),
        querystring: z.object({ lang: z.enum(LOCALES).optional(), region: pcodeSchema.optional() }),
        response: { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema },
      },
      // After the app's hook, which marks every API answer `no-store`: a chart may be kept, if revalidated.
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode < 400) void reply.header('cache-control', 'private, no-cache');
        return payload;
      },
    },
    async (request, reply) => {
      requireActor(request);
      const record = await findPathway(db, request.params.targetGroup);
      if (!record) throw new SiraError('NOT_FOUND');
      const locale = request.locale;
      const names = await termNames(db, locale);
      const labels: DiagramLabels = (kind, code) => (kind === 'timing' ? translate(locale, `referrals.timing.${code}`) : (names.get(code) ?? code));
      const region = request.query.region;
      let organisations: ((step: PathwayStep) => readonly string[]) | undefined;
      if (region) {
        const named = new Map((await organisationNames(db, responsibleIds(record.pathway))).map((o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name]));
        organisations = (step) => responsibleFor(step, region).flatMap((id) => named.get(id) ?? []);
      }
      const svg = pathwayDiagramSvg(record.pathway, labels, { ...(region ? { subtitle: admin1Name(region) ?? region } : {}), ...(organisations ? { organisations } : {}) });
      const etag = `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"`;
      const send = (reply as FastifyReply).header('etag', etag).header('vary', 'accept-language, cookie');
      if (request.headers['if-none-match'] === etag) return send.status(304).send();
      return send.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
}
