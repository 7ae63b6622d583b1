import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organisations, users } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type TestApp, TEST_PASSWORD, createOrganisationAndUser, createTestApp, login, postCommand } from '../support/app.ts';

describe(`HTTP API on ${BACKEND}`, () => {
  let t: TestApp;
  let adminEmail: string;
  beforeAll(async () => {
    t = await createTestApp({ SIRA_TRUST_PROXY: 'true' });
    adminEmail = (await createOrganisationAndUser(t, ['system_admin'])).email;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports health after checking the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: BACKEND });
  });

  it('publishes an OpenAPI 3 document listing every command and route, and a docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const name of t.registry.keys()) expect(doc.paths[`/api/commands/${name}`]?.post?.requestBody).toBeDefined();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/login', '/api/organisations/{id}', '/api/admin/jobs', '/api/commands']));
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('signs in with a session cookie that is HttpOnly, SameSite=Lax, and Secure behind HTTPS', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: adminEmail.toUpperCase(), password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sira_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const plain = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: adminEmail, password: TEST_PASSWORD } });
    expect(plain.cookies.find((c) => c.name === 'sira_session')?.secure).toBeFalsy();
    expect(res.json()).toMatchObject({ email: adminEmail, roles: ['system_admin'], locale: 'fr' });
    expect(Object.keys(res.json() as object).sort()).toEqual(['abilities', 'csrfToken', 'displayName', 'email', 'id', 'locale', 'organisation', 'roles', 'totpEnabled', 'totpEnrolmentRequired']);
  });

  it('refuses a wrong password in the asked language, and audits the failure without the email', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login?lang=en', payload: { email: adminEmail, password: 'wrong password here' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong email address or password.' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.org', password: 'whatever password' } });
    expect(unknown.json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' } });
    const failures = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.login.failed'));
    expect(failures.map((f) => (f.data as { reason: string }).reason).sort()).toEqual(['bad_password', 'unknown_account']);
    expect(JSON.stringify(failures)).not.toContain('nobody@example.org');
  });

  it('runs a command over HTTP, replays it, and presents the new record', async () => {
    const session = await login(t, adminEmail);
    const organisationId = uuidv4();
    const id = uuidv4();
    const input = { organisationId, name: 'Association Jigiya (démo)', acronym: 'AJ', type: 'community_based', country: 'BF', regionPcodes: ['BF13'] };
    const first = await postCommand(t, session, 'organisation.create', id, input);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ commandId: id, status: 'applied', result: { organisationId } });
    const again = await postCommand(t, session, 'organisation.create', id, input);
    expect(again.json()).toEqual({ commandId: id, status: 'replayed', result: { organisationId } });
    const shown = await t.app.inject({ method: 'GET', url: `/api/organisations/${organisationId}`, headers: { cookie: session.cookie } });
    expect(shown.json()).toEqual({ id: organisationId, name: input.name, acronym: 'AJ', type: 'community_based', country: 'BF', regionPcodes: ['BF13'], active: true });
    expect((await t.database.db.select().from(organisations).where(eq(organisations.id, organisationId))).length).toBe(1);
    const missing = await t.app.inject({ method: 'GET', url: `/api/organisations/${uuidv4()}`, headers: { cookie: session.cookie } });
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('applies a batch in order, each command on its own, reporting rejections without losing the rest', async () => {
    const session = await login(t, adminEmail);
    const good = { id: uuidv4(), name: 'organisation.create', input: { organisationId: uuidv4(), name: 'Service social de Gao (démo)', type: 'government', country: 'ML', regionPcodes: ['ML07'] } };
    const bad = { id: uuidv4(), name: 'organisation.create', input: { organisationId: uuidv4(), name: 'x', type: 'ngo', country: 'ML' } };
    const unknown = { id: uuidv4(), name: 'nothing.here', input: {} };
    const res = await t.app.inject({ method: 'POST', url: '/api/commands', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { commands: [good, bad, unknown, good] } });
    expect(res.statusCode).toBe(200);
    const { results } = res.json() as { results: { status: string; error?: { code: string } }[] };
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'replayed']);
    expect(results[1]?.error?.code).toBe('VALIDATION_FAILED');
    expect(results[2]?.error?.code).toBe('UNKNOWN_COMMAND');
  });

  it('forbids a command the role does not allow, and hides admin pages from non-admins', async () => {
    const { email } = await createOrganisationAndUser(t, ['frontline_identifier']);
    const session = await login(t, email);
    const res = await postCommand(t, session, 'organisation.create', uuidv4(), { organisationId: uuidv4(), name: 'Pas permis', type: 'ngo', country: 'ML' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN', message: "Vous n'avez pas l'autorisation d'effectuer cette action." } });
    const jobs = await t.app.inject({ method: 'GET', url: '/api/admin/jobs', headers: { cookie: session.cookie } });
    expect(jobs.statusCode).toBe(404);
  });

  it('logs out: the session stops working at once', async () => {
    const session = await login(t, adminEmail);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const session = await login(t, adminEmail);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, adminEmail));
    const idle = new Date(Date.now() - t.config.sessionIdleMs - 1000);
    const { sessions } = await import('../../src/server/db/schema/index.ts');
    await t.database.db.update(sessions).set({ lastSeenAt: idle }).where(eq(sessions.userId, user!.id));
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json()).toMatchObject({ error: { code: 'SESSION_EXPIRED' } });
  });
});
