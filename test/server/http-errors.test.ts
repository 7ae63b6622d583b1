import { count } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS, type ErrorCode } from '../../src/domain/errors/catalogue.ts';
import { translate } from '../../src/domain/i18n/translate.ts';
import { auditEvents, commandLog, organisations } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login } from '../support/app.ts';

/** Bad input of every kind: a translated error with a stable code, no stack trace, nothing written. */
describe(`bad input over HTTP on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ SIRA_BODY_LIMIT_BYTES: '4096' });
    const { email } = await createOrganisationAndUser(t, ['system_admin']);
    admin = await login(t, email);
  });
  afterAll(async () => {
    await t.close();
  });

  const writes = async () => {
    const db = t.database.db;
    const [o] = await db.select({ n: count() }).from(organisations);
    const [c] = await db.select({ n: count() }).from(commandLog);
    const [a] = await db.select({ n: count() }).from(auditEvents);
    return `${o?.n}/${c?.n}/${a?.n}`;
  };

  const send = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/commands/organisation.create',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json', ...headers },
      payload,
    });

  const expectError = (res: { statusCode: number; body: string }, code: ErrorCode, locale: 'fr' | 'en' | 'bm' = 'fr') => {
    expect(res.statusCode).toBe(ERRORS[code].status);
    const body = JSON.parse(res.body) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(5);
    if (code !== 'BODY_TOO_LARGE') expect(body.error.message).toBe(translate(locale, `errors.${code}`, { requestId: body.error.requestId }));
    expect(res.body).not.toMatch(/at .+\.ts:\d+|node_modules|stack/i);
    return body;
  };

  const valid = () => JSON.stringify({ id: uuidv4(), input: { organisationId: uuidv4(), name: 'Croix-Rouge (démo)', type: 'ngo', country: 'ML', regionPcodes: [] } });

  it('accepts a valid command (the baseline the failures are compared with)', async () => {
    const before = await writes();
    const res = await send(valid());
    expect(res.statusCode).toBe(200);
    expect(await writes()).not.toBe(before);
  });

  it('invalid JSON', async () => {
    const before = await writes();
    expectError(await send('{"id": "x", input: '), 'INVALID_JSON');
    expectError(await send(''), 'INVALID_JSON');
    expect(await writes()).toBe(before);
  });

  it('unknown fields, at the top and inside the input', async () => {
    const before = await writes();
    const top = expectError(await send(JSON.stringify({ ...JSON.parse(valid()), admin: true })), 'VALIDATION_FAILED') as unknown as { error: { details: { path: string; code: string }[] } };
    expect(top.error.details).toContainEqual(expect.objectContaining({ path: 'admin', code: 'unrecognized_keys' }));
    const inner = JSON.parse(valid());
    inner.input.secret = 'x';
    const res = await send(JSON.stringify(inner));
    const body = expectError(res, 'VALIDATION_FAILED') as unknown as { error: { details: { path: string; code: string; message: string }[] } };
    expect(body.error.details).toContainEqual({ path: 'input.secret', code: 'unrecognized_keys', message: 'Champ non reconnu.' });
    expect(await writes()).toBe(before);
  });

  it('wrong types, translated per field in the asked language', async () => {
    const before = await writes();
    const bad = { id: 'not-a-uuid', input: { organisationId: uuidv4(), name: 42, type: 'ngo', country: 'ML' } };
    // The signed-in user's saved language outranks the browser's header (shared phones)…
    expectError(await send(JSON.stringify(bad), { 'accept-language': 'en-GB,en;q=0.9' }), 'VALIDATION_FAILED', 'fr');
    // …and an explicit ?lang= outranks both.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/commands/organisation.create?lang=en',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify(bad),
    });
    const body = expectError(res, 'VALIDATION_FAILED', 'en') as unknown as { error: { details: { path: string; code: string; message: string }[] } };
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'id', code: 'invalid_uuid', message: 'Invalid identifier.' },
        { path: 'input.name', code: 'invalid_type', message: 'Invalid type of value.' },
      ]),
    );
    expect(await writes()).toBe(before);
  });

  it('oversized bodies', async () => {
    const before = await writes();
    const huge = JSON.stringify({ id: uuidv4(), input: { name: 'x'.repeat(10_000) } });
    const body = expectError(await send(huge), 'BODY_TOO_LARGE');
    expect(body.error.message).toContain('4096');
    expect(await writes()).toBe(before);
  });

  it('a body that is not JSON', async () => {
    const before = await writes();
    expectError(await send('name=x', { 'content-type': 'application/x-www-form-urlencoded' }), 'UNSUPPORTED_MEDIA_TYPE');
    expect(await writes()).toBe(before);
  });

  it('unknown routes and unknown commands, in Bambara when asked', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'bm' } }), 'ROUTE_NOT_FOUND', 'bm');
    expectError(await t.app.inject({ method: 'POST', url: '/api/commands/case.delete_everything?lang=bm', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: {} }), 'ROUTE_NOT_FOUND', 'bm');
  });

  it('a write without a session, or with a forged CSRF token', async () => {
    const before = await writes();
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/commands/organisation.create', headers: { 'content-type': 'application/json' }, payload: valid() });
    expectError(anonymous, 'UNAUTHENTICATED');
    expectError(await send(valid(), { 'x-csrf-token': 'forged' }), 'CSRF_INVALID');
    const noToken = await t.app.inject({ method: 'POST', url: '/api/commands/organisation.create', headers: { cookie: admin.cookie, 'content-type': 'application/json' }, payload: valid() });
    expectError(noToken, 'CSRF_INVALID');
    expect(await writes()).toBe(before);
  });

  it('a tampered session cookie is no session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${admin.cookie}x` } });
    expectError(res, 'UNAUTHENTICATED');
  });

  it('every error code has a message in every language', () => {
    for (const code of Object.keys(ERRORS)) {
      for (const locale of ['fr', 'en', 'bm'] as const) {
        expect(translate(locale, `errors.${code}`, { requestId: 'r', limit: 1, minutes: 15 })).not.toBe(`errors.${code}`);
      }
    }
  });
});
