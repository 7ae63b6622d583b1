import { and, eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents, commandLog } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, createOrganisationAndUser, login, postCommand, startAppWithAdmin } from '../support/app.ts';

describe(`API tokens on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
  });
  afterAll(async () => {
    await t.close();
  });

  const orgAdmin = async () => {
    const userId = uuidv4();
    const email = `oa-${userId.slice(0, 8)}@example.org`;
    expect((await postCommand(t, admin, 'user.create', uuidv4(), { userId, email, displayName: 'Issa Démo', password: TEST_PASSWORD, organisationId, roles: ['organisation_admin'] })).statusCode).toBe(200);
    return { userId, session: await login(t, email) };
  };
  const create = async (session: Session, scopes: string[], extra: Record<string, unknown> = {}, commandId = uuidv4()) => {
    const tokenId = uuidv4();
    const input = { tokenId, name: 'Export vers le tableau de bord', scopes, ...extra };
    const res = await postCommand(t, session, 'api_token.create', commandId, input);
    expect(res.statusCode, res.body).toBe(200);
    return { tokenId, token: (res.json() as { ephemeral: { token: string } }).ephemeral.token, res, input };
  };
  const bearer = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

  it('is shown once, kept only as a hash, and never stored in the command log or the audit log', async () => {
    const { session } = await orgAdmin();
    const commandId = uuidv4();
    const { tokenId, token, res, input } = await create(session, ['organisation.update:own'], {}, commandId);
    expect(token).toMatch(/^sira_[A-Za-z0-9_-]{43}$/);
    expect(res.json()).toMatchObject({ status: 'applied', result: { tokenId } });
    const replay = await postCommand(t, session, 'api_token.create', commandId, input);
    expect(replay.json()).toEqual({ commandId, status: 'replayed', result: { tokenId } });
    for (const table of [commandLog, auditEvents, apiTokens]) expect(JSON.stringify(await t.database.db.select().from(table))).not.toContain(token);

    const listed = await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: { cookie: session.cookie } });
    expect(listed.json()).toEqual({ items: [expect.objectContaining({ id: tokenId, name: 'Export vers le tableau de bord', scopes: ['organisation.update:own'], lastUsedAt: null, revokedAt: null })] });
    expect(listed.body).not.toMatch(/hash/i);
    // Another person's list does not show it.
    expect((await t.app.inject({ method: 'GET', url: '/api/api-tokens', headers: { cookie: admin.cookie } })).json()).toEqual({ items: [] });
  });

  it('acts as its user, without CSRF, narrowed to its scopes', async () => {
    const { userId, session } = await orgAdmin();
    const { token } = await create(session, ['organisation.update:own']);
    const meRes = await bearer(token, 'GET', '/api/auth/me');
    expect(meRes.json()).toMatchObject({ id: userId, csrfToken: '', abilities: expect.arrayContaining(['organisation.update']) });
    expect((meRes.json() as { abilities: string[] }).abilities).not.toContain('user.manage');
    // A write with the token alone: no cookie, no CSRF token.
    const write = await bearer(token, 'POST', '/api/commands/organisation.update', { id: uuidv4(), input: { organisationId, acronym: 'TOK' } });
    expect(write.statusCode, write.body).toBe(200);
    // The user manages accounts; the token was not given that.
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/users')).statusCode).toBe(404);
    // A token cannot mint tokens, nor touch its user's credentials.
    expect((await bearer(token, 'POST', '/api/commands/api_token.create', { id: uuidv4(), input: { tokenId: uuidv4(), name: 'Encore', scopes: [] } })).statusCode).toBe(403);
    expect((await bearer(token, 'POST', '/api/commands/user.totp_begin', { id: uuidv4(), input: {} })).statusCode).toBe(403);
    const password = { currentPassword: TEST_PASSWORD, newPassword: 'une autre phrase de passe' };
    expect((await bearer(token, 'POST', '/api/commands/user.change_password', { id: uuidv4(), input: password })).statusCode).toBe(403);
  });

  it('refuses scopes its creator does not hold, and creation by roles without the permission', async () => {
    const { session } = await orgAdmin();
    const res = await postCommand(t, session, 'api_token.create', uuidv4(), { tokenId: uuidv4(), name: 'Trop large', scopes: ['organisation.update:own', 'role.manage'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.scopes.1', code: 'scope_not_held', message: expect.stringContaining('permission') }] } });
    const { email } = await createOrganisationAndUser(t, ['case_manager']);
    const caseManager = await login(t, email);
    expect((await postCommand(t, caseManager, 'api_token.create', uuidv4(), { tokenId: uuidv4(), name: 'Non', scopes: [] })).statusCode).toBe(403);
  });

  it('stops working at once when revoked, expired, or its user is deactivated, each audited', async () => {
    const { userId, session } = await orgAdmin();
    const revoked = await create(session, []);
    const expiring = await create(session, [], { expiresInDays: 30 });
    const deactivated = await create(session, []);
    for (const k of [revoked, expiring, deactivated]) expect((await bearer(k.token, 'GET', '/api/organisations')).statusCode).toBe(200);

    expect((await postCommand(t, session, 'api_token.revoke', uuidv4(), { tokenId: revoked.tokenId })).statusCode).toBe(200);
    const refused = await bearer(revoked.token, 'GET', '/api/organisations?lang=en');
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'API_TOKEN_INVALID', message: 'Invalid, expired or revoked API token.' } });
    // Even on a public route: the caller meant to use the token.
    expect((await bearer(revoked.token, 'GET', '/healthz')).statusCode).toBe(200);
    expect((await bearer(revoked.token, 'POST', '/api/auth/login', { email: 'x@example.org', password: 'y' })).statusCode).toBe(401);

    await t.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, expiring.tokenId));
    expect((await bearer(expiring.token, 'GET', '/api/organisations')).statusCode).toBe(401);

    expect((await postCommand(t, admin, 'user.deactivate', uuidv4(), { userId })).statusCode).toBe(200);
    expect((await bearer(deactivated.token, 'GET', '/api/organisations')).statusCode).toBe(401);
    expect((await bearer(`sira_${'x'.repeat(43)}`, 'GET', '/api/organisations')).statusCode).toBe(401);

    const failures = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.api_token.failed'));
    const reasons = failures.map((e) => (e.data as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['revoked', 'expired', 'inactive', 'unknown']));
    expect(failures.filter((e) => e.targetIds.includes(userId))).toHaveLength(4);
    const revocations = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.type, 'command.applied'), eq(auditEvents.targetType, 'api_token')));
    expect(revocations.map((e) => (e.data as { command: string }).command)).toEqual(expect.arrayContaining(['api_token.create', 'api_token.revoke']));
  });

  it('records the last use, at most once a minute', async () => {
    const { session } = await orgAdmin();
    const { tokenId, token } = await create(session, []);
    const lastUsed = async () => (await t.database.db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId)))[0]?.at ?? null;
    expect(await lastUsed()).toBeNull();
    await bearer(token, 'GET', '/api/organisations');
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await bearer(token, 'GET', '/api/organisations');
    expect(await lastUsed()).toEqual(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await t.database.db.update(apiTokens).set({ lastUsedAt: twoMinutesAgo }).where(eq(apiTokens.id, tokenId));
    await bearer(token, 'GET', '/api/organisations');
    expect((await lastUsed())!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });

  it('lets an administrator revoke the token of someone they manage', async () => {
    const { session } = await orgAdmin();
    const { tokenId, token } = await create(session, []);
    expect((await postCommand(t, admin, 'api_token.revoke', uuidv4(), { tokenId })).statusCode).toBe(200);
    expect((await bearer(token, 'GET', '/api/organisations')).statusCode).toBe(401);
  });
});
