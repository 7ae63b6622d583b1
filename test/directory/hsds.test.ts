import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../src/cli/demo-directory.ts';
import { type TestApp, createTestApp } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { seedDemoDirectory } from './fixture.ts';

/** The HSDS 3.0 component schemas, each registered under its file name (they $ref each other so). */
const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../vendor/hsds-3.0');
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json') && !['openapi.json', 'datapackage.json'].includes(f))) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as object, file);
}
const validator = (file: string): ValidateFunction => ajv.getSchema(file)!;

type Obj = Record<string, unknown> & { id: string };
interface Envelope {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Obj[];
}

describe(`HSDS API on ${BACKEND}`, () => {
  let t: TestApp;
  const bodies: string[] = [];
  const failures: string[] = [];
  let checked = 0;

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    bodies.push(res.body);
    return res;
  };
  const check = (schema: string, o: unknown, where: string) => {
    const validate = validator(schema);
    checked += 1;
    if (!validate(o)) failures.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  };
  /** Every page of a list, each item validated; returns the items. */
  const walk = async (url: string, schema: string): Promise<Obj[]> => {
    const items: Obj[] = [];
    for (let page = 1; ; page += 1) {
      const res = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&per_page=7`);
      expect(res.statusCode, res.body).toBe(200);
      const env = res.json() as Envelope;
      expect(env).toMatchObject({ page_number: page, first_page: page === 1, size: env.contents.length, empty: env.contents.length === 0 });
      for (const o of env.contents) check(schema, o, `${url} page ${page} ${o.id}`);
      items.push(...env.contents);
      if (env.last_page) {
        expect(env.total_items).toBe(items.length);
        return items;
      }
    }
  };

  beforeAll(async () => {
    t = await createTestApp({ SIRA_HSDS_RATE_LIMIT: '10000' });
    await seedDemoDirectory(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('uses a validator that rejects what HSDS rejects, nested objects included', () => {
    const id = '9f1c2b7e-3d4a-4f5b-8c6d-7e8f9a0b1c2d';
    expect(validator('service.json')({ id, name: 'Sans statut' })).toBe(false);
    expect(validator('service.json')({ id: 'not-a-uuid', name: 'x', status: 'active' })).toBe(false);
    expect(validator('service.json')({ id, name: 'x', status: 'active', phones: [{ id, number: 5 }] })).toBe(false);
    expect(validator('service.json')({ id, name: 'x', status: 'active', service_at_locations: [{ id, location: { id, location_type: 'boat' } }] })).toBe(false);
    expect(validator('service.json')({ id, name: 'x', status: 'active', phones: [{ id, number: '+223 00 00 00 00' }] })).toBe(true);
  });

  it('says its version and profile', async () => {
    const res = await get('/hsds/');
    expect(res.statusCode).toBe(200);
    const root = res.json() as { version: string; profile: string; openapi_url: string };
    expect(root.version).toBe('3.0');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const uri = ajv.compile({ type: 'object', properties: { profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } }, required: ['profile', 'openapi_url'] });
    expect(uri(root), ajv.errorsText(uri.errors)).toBe(true);
  });

  it('returns only objects valid against the HSDS 3.0 schemas, for the whole demo directory', async () => {
    const services = await walk('/hsds/services', 'service.json');
    const published = DEMO_SERVICES.filter((s) => !s.membersOnly).length;
    expect(services).toHaveLength(published);
    for (const s of services) {
      const res = await get(`/hsds/services/${s.id}`);
      expect(res.statusCode).toBe(200);
      const full = res.json() as Obj & { service_at_locations: Obj[]; attributes: Obj[] };
      check('service.json', full, `service ${s.id}`);
      // The nested parts against their own schemas too, not only through service.json.
      for (const sal of full.service_at_locations) check('service_at_location.json', sal, `service ${s.id} sal`);
      expect(full.attributes.length).toBeGreaterThan(0);
    }
    for (const s of await walk('/hsds/services?full=true', 'service.json')) expect(Array.isArray(s.phones)).toBe(true);
    const organisations = await walk('/hsds/organizations', 'organization.json');
    expect(organisations.length).toBe(new Set(DEMO_SERVICES.filter((s) => !s.membersOnly).map((s) => s.organisation)).size);
    for (const o of organisations) check('organization.json', (await get(`/hsds/organizations/${o.id}`)).json(), `organization ${o.id}`);
    const links = await walk('/hsds/service_at_locations', 'service_at_location.json');
    for (const l of links) check('service_at_location.json', (await get(`/hsds/service_at_locations/${l.id}`)).json(), `sal ${l.id}`);
    const taxonomies = await walk('/hsds/taxonomies', 'taxonomy.json');
    expect(taxonomies).toHaveLength(2);
    for (const x of taxonomies) check('taxonomy.json', (await get(`/hsds/taxonomies/${x.id}`)).json(), `taxonomy ${x.id}`);
    const terms = await walk('/hsds/taxonomy_terms', 'taxonomy_term.json');
    for (const x of terms) check('taxonomy_term.json', (await get(`/hsds/taxonomy_terms/${x.id}`)).json(), `term ${x.id}`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  }, 120_000);

  it('streams every public service fully nested as NDJSON', async () => {
    const res = await get('/hsds/services?format=ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as Obj);
    expect(lines).toHaveLength(DEMO_SERVICES.filter((s) => !s.membersOnly).length);
    for (const l of lines) check('service.json', l, `ndjson ${l.id}`);
    expect(lines.every((l) => Array.isArray(l.cost_options))).toBe(true);
    expect(failures).toEqual([]);
  });

  it('filters with AND: search, taxonomy term, organisation, modified_after', async () => {
    const terms = (await get('/hsds/taxonomy_terms?search=hebergement')).json() as Envelope;
    expect(terms.contents.map((x) => x.code)).toEqual(['shelter']);
    const shelter = terms.contents[0]!.id;
    const shelters = (await get(`/hsds/services?taxonomy_term_id=${shelter}&per_page=100`)).json() as Envelope;
    expect(shelters.total_items).toBe(DEMO_SERVICES.filter((s) => s.types.includes('shelter') && !s.membersOnly).length);
    const org = shelters.contents[0]!.organization_id as string;
    const both = (await get(`/hsds/services?taxonomy_term_id=${shelter}&organization_id=${org}&per_page=100`)).json() as Envelope;
    expect(both.contents.every((s) => s.organization_id === org)).toBe(true);
    expect(both.total_items).toBeLessThan(shelters.total_items + 1);
    expect(((await get('/hsds/services?search=segou')).json() as Envelope).contents.map((s) => s.name)).toContain('Santé mentale et soutien psychosocial à Ségou (démo)');
    expect(((await get('/hsds/services?modified_after=2999-01-01T00:00:00Z')).json() as Envelope).total_items).toBe(0);
    expect(((await get('/hsds/services?modified_after=2000-01-01')).json() as Envelope).total_items).toBeGreaterThan(0);
    expect((await get('/hsds/services?organization_id=not-a-uuid')).statusCode).toBe(400);
  });

  it('never publishes a confidential place or a members-only service', async () => {
    const everything = bodies.join('\n');
    expect(everything).not.toContain('Site protégé');
    expect(everything).not.toContain('Adresse communiquée sur orientation');
    expect(everything).not.toContain('Clinique juridique');
    expect((await get('/hsds/services/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe(`HSDS API rate limit on ${BACKEND}`, () => {
  it('answers RATE_LIMITED past the configured number of requests a minute', async () => {
    const t = await createTestApp({ SIRA_HSDS_RATE_LIMIT: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await t.app.inject({ method: 'GET', url: '/hsds/taxonomies' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await t.app.inject({ method: 'GET', url: '/hsds/taxonomies', headers: { 'accept-language': 'en' } });
      expect(res.json().error.code).toBe('RATE_LIMITED');
      // The member API is not limited by the public one's counter.
      expect((await t.app.inject({ method: 'GET', url: '/api/directory/taxonomies' })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});
