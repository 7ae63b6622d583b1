import { Readable } from 'node:stream';
import fastifyRateLimit from '@fastify/rate-limit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { normaliseForSearch, searchTokens } from '../../../domain/directory/text.ts';
import { SiraError } from '../../../domain/errors/catalogue.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { directoryLocations, directoryServiceAtLocations, directoryServices, directoryTaxonomies, directoryTaxonomyTerms, organisations } from '../../db/schema/index.ts';
import { loadServiceBundles } from '../bundle.ts';
import { searchServiceIds } from '../search.ts';
import { type Hsds, hsdsLocation, hsdsOrganization, hsdsPage, hsdsServiceAtLocation, hsdsServiceFlat, hsdsServiceFull, hsdsTaxonomy, hsdsTerm, publicPlaces } from './presenter.ts';

export const HSDS_VERSION = '3.0';
/** Names the Sira profile (docs/hsds-profile.md); a deployment publishing the document may point at it instead. */
export const HSDS_PROFILE = 'urn:sira:hsds-profile:nrm-ml-bf:1.0';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const listQuery = z.object({
  search: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(['json', 'ndjson']).default('json'),
});
const servicesQuery = listQuery.extend({
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
  modified_after: z.string().refine((v) => !Number.isNaN(Date.parse(v)), { message: 'not a date' }).optional(),
  minimal: flag.optional(),
  full: flag.optional(),
});
const termsQuery = listQuery.extend({ taxonomy_id: z.uuid().optional(), parent_id: z.uuid().optional(), top_only: flag.optional() });
const idParams = z.object({ id: z.uuid() });

function matches(query: string | undefined, ...parts: (string | null | undefined)[]): boolean {
  const words = searchTokens(query);
  if (words.length === 0) return true;
  const text = ` ${parts.filter(Boolean).map((p) => normaliseForSearch(p!)).join(' ')} `;
  return words.every((w) => text.includes(w));
}

/** Answers a list as the HSDS page envelope, or every item as one JSON line each (unpaginated). */
function sendList(reply: FastifyReply, q: z.infer<typeof listQuery>, all: Hsds[]) {
  if (q.format === 'ndjson') return reply.type('application/x-ndjson').send(all.map((o) => JSON.stringify(o)).join('\n') + (all.length ? '\n' : ''));
  const start = (q.page - 1) * q.per_page;
  return reply.send(hsdsPage(all.slice(start, start + q.per_page), all.length, q.page, q.per_page));
}

/**
 * The public HSDS 3.0 API (read-only, no session, rate-limited per client address). Only
 * public services appear, and never a confidential location.
 */
export async function hsdsRoutes(app: FastifyInstance, db: Db, config: Pick<Config, 'hsdsRateLimitPerMinute'>): Promise<void> {
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => new SiraError('RATE_LIMITED') });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const routeConfig = { policy: 'public', rateLimit: { max: config.hsdsRateLimitPerMinute, timeWindow: 60_000 } };
  // Public data: any web page may read it (no cookie is ever involved), and caches may keep it a few minutes.
  const onSend = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    void reply.header('access-control-allow-origin', '*');
    if (reply.statusCode === 200) void reply.header('cache-control', 'public, max-age=300');
    return payload;
  };
  const tags = ['hsds'];

  const taxonomyKeys = async () => new Map((await db.select({ id: directoryTaxonomies.id, key: directoryTaxonomies.key }).from(directoryTaxonomies)).map((t) => [t.id, t.key]));
  const publicService = async (id: string) => {
    const [b] = await loadServiceBundles(db, [id]);
    return b && b.service.visibility === 'public' ? b : undefined;
  };

  r.get('/hsds', { config: routeConfig, onSend, schema: { summary: 'HSDS API: version and profile.', tags } }, async (request) => ({
    version: HSDS_VERSION,
    profile: HSDS_PROFILE,
    openapi_url: `${request.protocol}://${request.host}/api/openapi.json`,
  }));

  r.get('/hsds/services', { config: routeConfig, onSend, schema: { summary: 'Public services (HSDS page; format=ndjson for all, fully nested).', tags, querystring: servicesQuery } }, async (request, reply) => {
    const q = request.query;
    let termIds: string[] | undefined;
    if (q.taxonomy_term_id) termIds = [q.taxonomy_term_id];
    if (q.taxonomy_id) {
      const ids = (await db.select({ id: directoryTaxonomyTerms.id }).from(directoryTaxonomyTerms).where(eq(directoryTaxonomyTerms.taxonomyId, q.taxonomy_id))).map((t) => t.id);
      termIds = termIds ? termIds.filter((id) => ids.includes(id)) : ids;
    }
    const filters = { q: q.search, termIds, organisationId: q.organization_id, modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined, publicOnly: true };
    const keys = await taxonomyKeys();
    if (q.format === 'ndjson') {
      const { ids } = await searchServiceIds(db, filters, 'all');
      async function* lines() {
        for (let i = 0; i < ids.length; i += 200) {
          for (const b of await loadServiceBundles(db, ids.slice(i, i + 200))) yield `${JSON.stringify(hsdsServiceFull(b, keys))}\n`;
        }
      }
      return reply.type('application/x-ndjson').send(Readable.from(lines()));
    }
    const { ids, total } = await searchServiceIds(db, filters, { limit: q.per_page, offset: (q.page - 1) * q.per_page });
    const bundles = await loadServiceBundles(db, ids);
    return reply.send(hsdsPage(bundles.map((b) => (q.full && !q.minimal ? hsdsServiceFull(b, keys) : hsdsServiceFlat(b))), total, q.page, q.per_page));
  });

  r.get('/hsds/services/:id', { config: routeConfig, onSend, schema: { summary: 'One public service, fully nested.', tags, params: idParams } }, async (request) => {
    const b = await publicService(request.params.id);
    if (!b) throw new SiraError('NOT_FOUND');
    return hsdsServiceFull(b, await taxonomyKeys());
  });

  const publicOrganisations = async () => {
    const ids = (await db.selectDistinct({ id: directoryServices.organisationId }).from(directoryServices).where(eq(directoryServices.visibility, 'public'))).map((r) => r.id);
    return ids.length ? db.select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.name), asc(organisations.id)) : [];
  };

  r.get('/hsds/organizations', { config: routeConfig, onSend, schema: { summary: 'Organisations publishing at least one public service.', tags, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    return sendList(reply, q, (await publicOrganisations()).filter((o) => matches(q.search, o.name, o.acronym)).map(hsdsOrganization));
  });

  r.get('/hsds/organizations/:id', { config: routeConfig, onSend, schema: { summary: 'One organisation and its public places.', tags, params: idParams } }, async (request) => {
    const org = (await publicOrganisations()).find((o) => o.id === request.params.id);
    if (!org) throw new SiraError('NOT_FOUND');
    // Only places where a public service is offered: a place serving members-only services stays unlisted.
    const bundles = await loadServiceBundles(db, (await searchServiceIds(db, { organisationId: org.id, publicOnly: true }, 'all')).ids);
    const places = new Map(bundles.flatMap((b) => publicPlaces(b).map((p) => [p.location.id, p] as const)));
    const locations = [...places.values()].sort((a, b) => (a.location.id < b.location.id ? -1 : 1));
    return { ...hsdsOrganization(org), locations: locations.map((p) => hsdsLocation(p.location, p.addresses)) };
  });

  r.get('/hsds/service_at_locations', { config: routeConfig, onSend, schema: { summary: 'Public services at their public places.', tags, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    const { ids } = await searchServiceIds(db, { q: q.search, publicOnly: true }, 'all');
    const links = ids.length
      ? await db
          .select({ id: directoryServiceAtLocations.id, serviceId: directoryServiceAtLocations.serviceId, locationId: directoryServiceAtLocations.locationId, description: directoryServiceAtLocations.description })
          .from(directoryServiceAtLocations)
          .innerJoin(directoryLocations, eq(directoryLocations.id, directoryServiceAtLocations.locationId))
          .where(and(inArray(directoryServiceAtLocations.serviceId, ids), eq(directoryLocations.confidential, false)))
          .orderBy(asc(directoryServiceAtLocations.id))
      : [];
    return sendList(reply, q, links.map((l) => ({ id: l.id, service_id: l.serviceId, location_id: l.locationId, ...(l.description ? { description: l.description } : {}) })));
  });

  r.get('/hsds/service_at_locations/:id', { config: routeConfig, onSend, schema: { summary: 'One service at one place, with the place.', tags, params: idParams } }, async (request) => {
    const [link] = await db.select().from(directoryServiceAtLocations).where(eq(directoryServiceAtLocations.id, request.params.id));
    const b = link && (await publicService(link.serviceId));
    const place = b && publicPlaces(b).find((p) => p.serviceAtLocationId === link.id);
    if (!b || !place) throw new SiraError('NOT_FOUND');
    return hsdsServiceAtLocation(b.service.id, place, true);
  });

  r.get('/hsds/taxonomies', { config: routeConfig, onSend, schema: { summary: 'Taxonomies in use (NRM service types, target groups).', tags, querystring: listQuery } }, async (request, reply) => {
    const q = request.query;
    const rows = await db.select().from(directoryTaxonomies).orderBy(asc(directoryTaxonomies.key));
    return sendList(reply, q, rows.filter((t) => matches(q.search, t.name, t.description)).map(hsdsTaxonomy));
  });

  r.get('/hsds/taxonomies/:id', { config: routeConfig, onSend, schema: { summary: 'One taxonomy.', tags, params: idParams } }, async (request) => {
    const [t] = await db.select().from(directoryTaxonomies).where(eq(directoryTaxonomies.id, request.params.id));
    if (!t) throw new SiraError('NOT_FOUND');
    return hsdsTaxonomy(t);
  });

  r.get('/hsds/taxonomy_terms', { config: routeConfig, onSend, schema: { summary: 'Active taxonomy terms (names in French; other languages in the Sira API).', tags, querystring: termsQuery } }, async (request, reply) => {
    const q = request.query;
    const keys = await taxonomyKeys();
    const rows = await db.select().from(directoryTaxonomyTerms).where(eq(directoryTaxonomyTerms.active, true)).orderBy(asc(directoryTaxonomyTerms.taxonomyId), asc(directoryTaxonomyTerms.position), asc(directoryTaxonomyTerms.code));
    const selected = rows.filter(
      (t) =>
        (!q.taxonomy_id || t.taxonomyId === q.taxonomy_id) && (!q.parent_id || t.parentId === q.parent_id) && (!q.top_only || t.parentId === null) && matches(q.search, t.name, t.description, t.code),
    );
    return sendList(reply, q, selected.map((t) => hsdsTerm(t, keys.get(t.taxonomyId) ?? '')));
  });

  r.get('/hsds/taxonomy_terms/:id', { config: routeConfig, onSend, schema: { summary: 'One taxonomy term.', tags, params: idParams } }, async (request) => {
    const [t] = await db.select().from(directoryTaxonomyTerms).where(and(eq(directoryTaxonomyTerms.id, request.params.id), eq(directoryTaxonomyTerms.active, true)));
    if (!t) throw new SiraError('NOT_FOUND');
    return hsdsTerm(t, (await taxonomyKeys()).get(t.taxonomyId) ?? '');
  });
}
