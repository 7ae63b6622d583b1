import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/server/commands/registry.ts';
import { loadConfig } from '../../src/server/config.ts';
import { buildApp } from '../../src/server/http/app.ts';
import type { FastifyInstance } from 'fastify';
import { BACKEND, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { systemCommand } from '../support/app.ts';
import { registrationInput } from '../support/cases.ts';

/** Logs go to files ministry IT teams copy around: they must never hold personal data. */
describe(`logs on ${BACKEND}`, () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let logs = '';
  let organisationId = '';
  const email = 'mariam.kone.synthetic@example.org';
  const displayName = 'Mariam Synthétique Koné';
  const password = 'a very secret passphrase';

  beforeAll(async () => {
    database = await createTestDatabase();
    const stream = new Writable({ write: (chunk, _enc, done) => ((logs += chunk.toString()), done()) });
    const config = loadConfig({ SIRA_WEB_DIR: '/nonexistent', SIRA_DATA_DIR: '/nonexistent', SIRA_SECRET_KEY: randomBytes(32).toString('base64'), SIRA_LOG_LEVEL: 'trace' });
    const registry = buildRegistry();
    app = await buildApp({ config, database, registry, version: 'test', logger: { level: 'trace', stream } });
    organisationId = uuidv4();
    await systemCommand({ database, registry }, 'organisation.create', { organisationId, name: 'Organisation (démo)', type: 'ngo', country: 'ML', regionPcodes: [] });
    await systemCommand({ database, registry }, 'user.create', { userId: uuidv4(), email, displayName, password, organisationId, roles: ['system_admin'] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('hold request ids, paths and statuses, but no email, name, password, cookie or query string', async () => {
    const login = await app.inject({ method: 'POST', url: `/api/auth/login?email=${encodeURIComponent(email)}`, payload: { email, password } });
    expect(login.statusCode).toBe(200);
    const cookie = `sira_session=${login.cookies.find((c) => c.name === 'sira_session')!.value}`;
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong wrong wrong' } });
    await app.inject({ method: 'POST', url: '/api/commands/user.create', headers: { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken }, payload: { id: uuidv4(), input: { email, displayName } } });
    await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, 'x-request-id': 'trace-me-12345' } });

    expect(logs).toContain('trace-me-12345');
    expect(logs).toContain('"path":"/api/auth/login"');
    for (const secret of [email, encodeURIComponent(email), displayName, password, 'wrong wrong wrong', cookie.split('=')[1]!]) {
      expect(logs, secret).not.toContain(secret);
    }
  });

  it('hold no API token and no password-reset link', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    const headers = { cookie: `sira_session=${login.cookies.find((c) => c.name === 'sira_session')!.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const created = await app.inject({ method: 'POST', url: '/api/commands/api_token.create', headers, payload: { id: uuidv4(), input: { tokenId: uuidv4(), name: 'Intégration', scopes: [] } } });
    const { token } = (created.json() as { ephemeral: { token: string } }).ephemeral;
    expect((await app.inject({ method: 'GET', url: '/api/organisations', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const userId = uuidv4();
    await systemCommand({ database, registry: buildRegistry() }, 'user.create', { userId, email: 'reset.synthetic@example.org', displayName: 'Reset Synthétique', password, organisationId, roles: ['case_manager'] });
    const issued = await app.inject({ method: 'POST', url: '/api/commands/user.issue_password_reset', headers, payload: { id: uuidv4(), input: { userId } } });
    const link = (issued.json() as { ephemeral: { url: string } }).ephemeral.url.split('#')[1]!;
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: link, password: 'une phrase toute neuve' } })).statusCode).toBe(204);
    // Used again and a wrong bearer: the refusals are logged, the secrets are not.
    await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { token: link, password: 'une phrase toute neuve' } });
    await app.inject({ method: 'GET', url: '/api/organisations', headers: { authorization: `Bearer ${token}x` } });

    expect(logs).toContain('"path":"/api/auth/password-reset"');
    for (const secret of [token, token.slice(5), link, 'une phrase toute neuve']) expect(logs, secret).not.toContain(secret);
  });

  it('hold nothing of a registered person, nor of a refused registration or duplicate check', async () => {
    const userEmail = 'identifier.synthetic@example.org';
    await systemCommand({ database, registry: buildRegistry() }, 'user.create', { userId: uuidv4(), email: userEmail, displayName: 'Identificatrice', password, organisationId, roles: ['frontline_identifier'] });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: userEmail, password } });
    const headers = { cookie: `sira_session=${login.cookies.find((c) => c.name === 'sira_session')!.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const person = { givenName: 'Djénéba Synthétique', familyName: 'Sangaré', dateOfBirth: '2004-02-29', phone: '+223 71 98 76 54', motherName: 'Assitan Synthétique' };
    const input = registrationInput({ identity: person });
    expect((await app.inject({ method: 'POST', url: '/api/commands/case.register', headers, payload: { id: uuidv4(), input } })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/commands/case.register', headers, payload: { id: uuidv4(), input: { ...input, caseId: uuidv4(), identity: { ...input.identity, dateOfBirth: 'le 29 février' } } } });
    await app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers, payload: { identity: person, stats: { sex: 'female' } } });
    for (const secret of [person.givenName, person.familyName, person.phone, '71987654', person.motherName, 'le 29 février']) expect(logs, secret).not.toContain(secret);
  });
});
