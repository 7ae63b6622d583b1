import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, loginFailures, users } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, login, postCommand, startAppWithAdmin } from '../support/app.ts';

describe(`identity and access on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
  });
  afterAll(async () => {
    await t.close();
  });

  const attempt = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
  const newUser = async (roles: string[] = ['case_manager']) => {
    const userId = uuidv4();
    const email = `u-${userId.slice(0, 8)}@example.org`;
    const res = await postCommand(t, admin, 'user.create', uuidv4(), { userId, email, displayName: 'Fatoumata Démo', password: TEST_PASSWORD, organisationId, roles });
    expect(res.statusCode, res.body).toBe(200);
    return { userId, email };
  };

  it('locks an account for 15 minutes after five failures, audited, refusing even the right password', async () => {
    const { userId, email } = await newUser();
    for (let i = 1; i <= 5; i++) expect((await attempt(email, `wrong password ${i}`)).json()).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
    const locked = await attempt(email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED', message: expect.stringContaining('15 minutes') } });
    const lockouts = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.lockout'));
    expect(lockouts.find((e) => e.targetIds.includes(userId))).toMatchObject({ data: { failures: 5, minutes: 15 } });
    // Once the lock has passed, the right password works and the count starts again.
    await t.database.db.update(loginFailures).set({ lockedUntil: new Date(Date.now() - 1000) });
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown email the same way, so a lockout reveals nothing about who has an account', async () => {
    const ghost = `ghost-${uuidv4().slice(0, 6)}@example.org`;
    for (let i = 0; i < 5; i++) await attempt(ghost, 'wrong password here');
    expect((await attempt(ghost, 'wrong password here')).json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    const rows = await t.database.db.select().from(loginFailures);
    expect(JSON.stringify(rows)).not.toContain(ghost);
  });

  it('refuses common passwords, in the user’s language, and creates nothing', async () => {
    for (const password of ['password1234', 'Motdepasse2026!', 'azertyuiop123', 'aaaaaaaaaaaaaa']) {
      const res = await postCommand(t, admin, 'user.create', uuidv4(), { userId: uuidv4(), email: `c-${uuidv4().slice(0, 6)}@example.org`, displayName: 'Test', password, organisationId, roles: ['case_manager'] });
      expect(res.json(), password).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.password', code: 'common_password', message: expect.stringContaining('trop courant') }] } });
    }
  });

  it('ends a deactivated user’s session at once, and lets them back in once reactivated', async () => {
    const { userId, email } = await newUser();
    const session = await login(t, email);
    expect((await me(session)).statusCode).toBe(200);
    expect((await postCommand(t, admin, 'user.deactivate', uuidv4(), { userId })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await postCommand(t, admin, 'user.reactivate', uuidv4(), { userId })).statusCode).toBe(200);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('changing one’s password ends the other sessions and keeps this one', async () => {
    const { email } = await newUser();
    const here = await login(t, email);
    const elsewhere = await login(t, email);
    const res = await postCommand(t, here, 'user.change_password', uuidv4(), { currentPassword: TEST_PASSWORD, newPassword: 'une nouvelle phrase secrète' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    const wrong = await postCommand(t, here, 'user.change_password', uuidv4(), { currentPassword: 'not it at all', newPassword: 'encore une autre phrase' });
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.currentPassword', code: 'wrong_password' }] } });
  });

  it('revokes a session from the sessions list', async () => {
    const { userId, email } = await newUser();
    const session = await login(t, email);
    const list = await t.app.inject({ method: 'GET', url: `/api/users/${userId}/sessions`, headers: { cookie: session.cookie } });
    const [own] = (list.json() as { items: { id: string; current: boolean }[] }).items;
    expect(own?.current).toBe(true);
    expect((await postCommand(t, admin, 'session.revoke', uuidv4(), { sessionId: own!.id })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
  });

  it('refuses to take from the system administrator role the power to repair roles and accounts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/commands/role.save?lang=en',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { id: uuidv4(), input: { key: 'system_admin', permissions: ['user.manage', 'audit.read'] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.permissions', code: 'role_lockout', message: expect.stringContaining('role.manage') }] } });
    expect((await me(admin)).json()).toMatchObject({ abilities: expect.arrayContaining(['role.manage']) });
  });

  it('records role changes, and follows an administrator’s override of a role at once', async () => {
    const { userId, email } = await newUser(['case_manager']);
    const session = await login(t, email);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(404);
    expect((await postCommand(t, admin, 'role.save', uuidv4(), { key: 'case_manager', permissions: ['user.manage:own'] })).statusCode).toBe(200);
    const listed = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } });
    expect(listed.statusCode).toBe(200);
    expect((await me(session)).json()).toMatchObject({ abilities: expect.arrayContaining(['user.list', 'user.manage']) });
    expect((await postCommand(t, admin, 'role.reset', uuidv4(), { key: 'case_manager' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } })).statusCode).toBe(404);

    expect((await postCommand(t, admin, 'user.update', uuidv4(), { userId, roles: ['service_focal_point', 'bid_panel_member'] })).statusCode).toBe(200);
    const [changed] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'user.roles_changed'));
    expect(changed).toMatchObject({ targetIds: [userId], data: { added: ['service_focal_point', 'bid_panel_member'], removed: ['case_manager'] } });
    const unknown = await postCommand(t, admin, 'user.update', uuidv4(), { userId, roles: ['no_such_role'] });
    expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.roles.0', code: 'unknown_role' }] } });
  });

  it('lets an organisation administrator grant ordinary roles but not privileged ones', async () => {
    const { email } = await newUser(['organisation_admin']);
    const orgAdmin = await login(t, email);
    const ok = await postCommand(t, orgAdmin, 'user.create', uuidv4(), { userId: uuidv4(), email: `o-${uuidv4().slice(0, 6)}@example.org`, displayName: 'Agent', password: TEST_PASSWORD, organisationId, roles: ['frontline_identifier'] });
    expect(ok.statusCode).toBe(200);
    const escalate = await postCommand(t, orgAdmin, 'user.create', uuidv4(), { userId: uuidv4(), email: `x-${uuidv4().slice(0, 6)}@example.org`, displayName: 'Agent', password: TEST_PASSWORD, organisationId, roles: ['system_admin'] });
    expect(escalate.statusCode).toBe(403);
  });

  it('remembers the user’s language and answers in it', async () => {
    const { email } = await newUser();
    const session = await login(t, email);
    expect((await postCommand(t, session, 'user.set_locale', uuidv4(), { locale: 'bm' })).statusCode).toBe(200);
    expect((await me(session)).json()).toMatchObject({ locale: 'bm' });
    const missing = await t.app.inject({ method: 'GET', url: `/api/organisations/${uuidv4()}`, headers: { cookie: session.cookie } });
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', message: 'A ma sɔrɔ.' } });
  });

  it('shows auditors the log, filtered by actor, type and record', async () => {
    const { email } = await newUser(['auditor']);
    const auditor = await login(t, email);
    const [target] = await t.database.db.select({ id: users.id }).from(users).limit(1);
    const get = (q: string) => t.app.inject({ method: 'GET', url: `/api/audit?${q}`, headers: { cookie: auditor.cookie } });
    const failures = (await get('type=auth.login.failed&limit=3')).json() as { items: { type: string; seq: number }[]; nextBefore: number | null };
    expect(failures.items).toHaveLength(3);
    expect(failures.items.every((e) => e.type === 'auth.login.failed')).toBe(true);
    expect(failures.nextBefore).toBe(failures.items[2]!.seq);
    const older = (await get(`type=auth.login.failed&limit=3&before=${failures.nextBefore}`)).json() as { items: { seq: number }[] };
    expect(older.items.every((e) => e.seq < failures.nextBefore!)).toBe(true);
    const aboutTarget = (await get(`targetId=${target!.id}`)).json() as { items: { targetIds: string[] }[] };
    expect(aboutTarget.items.length).toBeGreaterThan(0);
    expect(aboutTarget.items.every((e) => e.targetIds.includes(target!.id))).toBe(true);
    expect((await get('from=not-a-date')).statusCode).toBe(400);
  });
});
