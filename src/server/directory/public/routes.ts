import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import { DEFAULT_LOCALE, type Locale, isLocale } from '../../../domain/i18n/locales.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { LeafletCache } from '../leaflet/cache.ts';
import { renderLeaflet } from '../leaflet/leaflet.ts';
import { findPublicService, findPublicServices, loadNeeds } from './data.ts';
import type { Html } from './html.ts';
import { BASE, type PageContext, homePage, listPage, notFoundPage, servicePage } from './pages.ts';
import { publicRegion } from './regions.ts';

/**
 * "Where to find help": the directory for anyone, without a session, as server-rendered HTML
 * (no script) and printable PDF leaflets. The language comes from `?lang=` only (French by
 * default), never from headers, so a page's URL is the whole key a shared cache needs.
 * Query values are read leniently: anything unknown answers the translated 404 page, never
 * a JSON error a person cannot read.
 */
const text = z.string().max(200).optional();
const listQuery = z.object({ lang: text, region: text, need: text, q: text });
const pageQuery = z.object({ lang: text, region: text });
const leafletQuery = z.object({ lang: text, region: text, format: text });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const localeOf = (lang: string | undefined): Locale => (isLocale(lang) ? lang : DEFAULT_LOCALE);

function sendHtml(reply: FastifyReply, page: Html, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(page.value);
}

export async function publicDirectoryRoutes(app: FastifyInstance, db: Db, config: Pick<Config, 'hsdsRateLimitPerMinute'>): Promise<void> {
  // The HSDS routes register the limiter first; registering it twice would fail.
  if (!app.hasDecorator('rateLimit')) await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => new SiraError('RATE_LIMITED') });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const routeConfig = { policy: 'public', rateLimit: { max: config.hsdsRateLimitPerMinute, timeWindow: 60_000 } };
  // Public, the same for everyone: phones and proxies may keep a page five minutes and a 404 one;
  // never a refusal (a rate limit met behind a shared proxy must not block the others).
  const onSend = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const status = reply.statusCode;
    void reply.header('cache-control', status === 200 ? 'public, max-age=300' : status === 404 ? 'public, max-age=60' : 'no-store');
    // The pages need no script at all: should escaping ever fail, the browser still runs nothing.
    // (Not on the PDF: a browser's built-in PDF viewer may refuse to open under such a policy.)
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) void reply.header('content-security-policy', CSP);
    return payload;
  };
  const tags = ['public-directory'];
  const leaflets = new LeafletCache();
  const ctx = (request: FastifyRequest, path: string, params: Record<string, string | undefined> = {}): PageContext => ({
    locale: localeOf((request.query as { lang?: string }).lang),
    path,
    params,
  });

  r.get(BASE, { config: routeConfig, onSend, schema: { summary: 'Public directory: choose a region and a need (HTML).', tags, querystring: pageQuery } }, async (request, reply) => {
    const { top } = await loadNeeds(db);
    return sendHtml(reply, homePage(ctx(request, BASE), top));
  });

  r.get(`${BASE}/services`, { config: routeConfig, onSend, schema: { summary: 'Public services of a region, for a need (HTML).', tags, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    const needs = await loadNeeds(db);
    const params = { region: q.region, need: q.need, q: q.q?.trim() || undefined };
    const c = ctx(request, `${BASE}/services`, params);
    if (!q.region) return sendHtml(reply, homePage(ctx(request, BASE), needs.top));
    const region = publicRegion(q.region);
    if (!region) return sendHtml(reply, notFoundPage(c, 'region'), 404);
    const need = q.need ? needs.all.find((n) => n.code === q.need) : undefined;
    if (q.need && !need) return sendHtml(reply, notFoundPage(c, 'need'), 404);
    const services = await findPublicServices(db, { region, need: need?.code, q: params.q });
    return sendHtml(reply, listPage(c, { region, need, needs: needs.top, q: params.q, services }));
  });

  r.get(
    `${BASE}/services/:id`,
    { config: routeConfig, onSend, schema: { summary: 'One public service (HTML).', tags, params: z.object({ id: z.string().max(100) }), querystring: pageQuery } },
    async (request, reply) => {
      const region = publicRegion(request.query.region);
      const c = ctx(request, `${BASE}/services/${request.params.id}`, { region: region?.key });
      const service = UUID.test(request.params.id) ? await findPublicService(db, request.params.id) : undefined;
      if (!service) return sendHtml(reply, notFoundPage(c, 'service'), 404);
      return sendHtml(reply, servicePage(c, { service, needs: (await loadNeeds(db)).all, region }));
    },
  );

  r.get(
    `${BASE}/depliant.pdf`,
    { config: routeConfig, onSend, schema: { summary: 'Printable leaflet of a region (PDF, A4 or A5).', tags, querystring: leafletQuery } },
    async (request, reply) => {
      const q = request.query;
      const region = publicRegion(q.region);
      const format = q.format === 'a5' ? 'a5' : q.format === undefined || q.format === 'a4' ? 'a4' : undefined;
      const c = ctx(request, `${BASE}/depliant.pdf`, { region: q.region, format: q.format });
      if (!region || !format) return sendHtml(reply, notFoundPage(c, region ? 'page' : 'region'), 404);
      const pdf = await leaflets.get(`${region.key}:${c.locale}:${format}`, async () => {
        const needs = await loadNeeds(db);
        const services = await findPublicServices(db, { region });
        return renderLeaflet({ locale: c.locale, region: region.name, format, needs: needs.all, services, printedAt: new Date() });
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="sira-${region.key}-${c.locale}-${format}.pdf"`)
        .send(pdf);
    },
  );

  // Any other address under the directory: the directory's own 404 page, not the web app's.
  app.get(`${BASE}/*`, { config: routeConfig, onSend, schema: { hide: true } }, async (request, reply) => sendHtml(reply, notFoundPage(ctx(request, BASE), 'page'), 404));
}
