import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/identity/roles.ts';
import { BACKEND } from '../support/database.ts';
import { type TestApp, createTestApp } from '../support/app.ts';
import { EXPECTED, PUBLIC, type Target } from './access/expectations.ts';
import { buildFixture, type MatrixFixture } from './access/fixture.ts';
import { REQUESTS } from './access/requests.ts';

/**
 * Every route of the OpenAPI document × every default role × (own organisation, other
 * organisation), and without a session. A route missing from the expectations fails here,
 * so no future route ships unguarded.
 */
describe(`access matrix on ${BACKEND}`, () => {
  let t: TestApp;
  let f: MatrixFixture;
  let routes: string[];
  beforeAll(async () => {
    t = await createTestApp();
    f = await buildFixture(t);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a written expectation and a request for every route of the API', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((r) => !EXPECTED[r] || !REQUESTS[r])).toEqual([]);
    expect(Object.keys(EXPECTED).filter((r) => !routes.includes(r))).toEqual([]);
  });

  const send = async (route: string, target: Target, role: Role | 'anonymous') => {
    const [method, path] = route.split(' ') as ['GET' | 'POST', string];
    const actorUserId = role === 'anonymous' ? '' : f.actors[role];
    const built = await REQUESTS[route]!(target, f, actorUserId);
    // A fresh session per request, so sign-out or a password change cannot leak into the next case.
    const session = role === 'anonymous' ? undefined : await f.newSessionOf(actorUserId);
    const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
    const res = await t.app.inject({ method, url: built.url, headers, ...(built.payload === undefined ? {} : { payload: built.payload as object }) });
    return { status: res.statusCode, body: res.body, path };
  };

  it('answers every role as written, for records of its own organisation and of another', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      for (const role of ROLES) {
        for (const target of ['own', 'other'] as const) {
          const { status, body } = await send(route, target, role);
          const expected = EXPECTED[route]!(role, target);
          if (status !== expected) mismatches.push(`${route} as ${role} on ${target}: ${status} (expected ${expected}) ${body.slice(0, 120)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('asks for a session on every route but the public ones', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const { status } = await send(route, 'own', 'anonymous');
      const expected = PUBLIC.has(route) ? EXPECTED[route]!('frontline_identifier', 'own') : 401;
      if (status !== expected) mismatches.push(`${route} without a session: ${status} (expected ${expected})`);
    }
    expect(mismatches).toEqual([]);
  });

  it('never gives an analyst a personal field of anyone else', async () => {
    const bodies: string[] = [];
    for (const route of routes.filter((r) => r.startsWith('GET '))) {
      for (const target of ['own', 'other'] as const) bodies.push((await send(route, target, 'analyst')).body);
    }
    const everything = bodies.join('\n');
    expect(f.personal.emails.length).toBeGreaterThan(0);
    for (const email of f.personal.emails) expect(everything).not.toContain(email);
    for (const name of f.personal.names) expect(everything).not.toContain(name);
    expect(everything).not.toMatch(/"email":"(?!analyst@a\.example\.org)/);
  });

  it('gives a frontline identifier of organisation A a 404 on every staff record of organisation B', async () => {
    for (const route of routes.filter((r) => r.includes('/api/users/{id}') || ['user.update', 'user.deactivate', 'user.reactivate', 'user.issue_password_reset', 'session.revoke', 'api_token.revoke'].some((c) => r.endsWith(c)))) {
      expect((await send(route, 'other', 'frontline_identifier')).status, route).toBe(404);
    }
  });
});
