import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, commandLog, passwordResets } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, createOrganisationAndUser, login, postCommand, startAppWithAdmin } from '../support/app.ts';

const NEW_PASSWORD = 'le fleuve Niger au matin';

describe(`password reset by an administrator's link on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
  });
  afterAll(async () => {
    await t.close();
  });

  const newUser = async () => {
    const userId = uuidv4();
    const email = `r-${userId.slice(0, 8)}@example.org`;
    expect((await postCommand(t, admin, 'user.create', uuidv4(), { userId, email, displayName: 'Moussa Démo', password: TEST_PASSWORD, organisationId, roles: ['case_manager'] })).statusCode).toBe(200);
    return { userId, email };
  };
  const issue = async (userId: string) => {
    const res = await postCommand(t, admin, 'user.issue_password_reset', uuidv4(), { userId });
    expect(res.statusCode, res.body).toBe(200);
    const { url } = (res.json() as { ephemeral: { url: string } }).ephemeral;
    expect(url).toMatch(/^\/reset#[A-Za-z0-9_-]{43}$/);
    return url.split('#')[1]!;
  };
  const redeem = (token: string, password = NEW_PASSWORD, lang = 'fr') => t.app.inject({ method: 'POST', url: `/api/auth/password-reset?lang=${lang}`, payload: { token, password } });
  const attempt = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const failures = async (userId: string) =>
    (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.password_reset.failed'))).filter((e) => e.targetIds.includes(userId)).map((e) => e.data);

  it('sets the new password once, ends every session, and is audited', async () => {
    const { userId, email } = await newUser();
    const sessions = [await login(t, email), await login(t, email)];
    const token = await issue(userId);
    expect(JSON.stringify(await t.database.db.select().from(commandLog))).not.toContain(token);
    expect(JSON.stringify(await t.database.db.select().from(passwordResets))).not.toContain(token);

    const res = await redeem(token);
    expect(res.statusCode, res.body).toBe(204);
    for (const s of sessions) expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attempt(email, NEW_PASSWORD)).statusCode).toBe(200);
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'auth.password_reset'));
    expect(event).toMatchObject({ targetIds: [userId], data: {} });

    const again = await redeem(token, 'encore une autre phrase', 'en');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'RESET_LINK_INVALID', message: expect.stringContaining('Ask an administrator for a new link') } });
    expect((await attempt(email, NEW_PASSWORD)).statusCode).toBe(200);
    expect(await failures(userId)).toEqual([{ reason: 'used' }]);
  });

  it('refuses an expired link, and one replaced by a newer link', async () => {
    const { userId } = await newUser();
    const older = await issue(userId);
    const newer = await issue(userId);
    expect((await redeem(older)).json()).toMatchObject({ error: { code: 'RESET_LINK_INVALID' } });
    await t.database.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.userId, userId));
    expect((await redeem(newer)).json()).toMatchObject({ error: { code: 'RESET_LINK_INVALID', message: expect.stringContaining('Demandez un nouveau lien') } });
    expect(await failures(userId)).toEqual([{ reason: 'replaced' }, { reason: 'expired' }]);
    expect((await redeem('not-a-link-at-all')).statusCode).toBe(400);
  });

  it('refuses a short or common password and leaves the link usable', async () => {
    const { userId, email } = await newUser();
    const token = await issue(userId);
    expect((await redeem(token, 'court')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'password', code: 'too_small_string' }] } });
    expect((await redeem(token, 'Motdepasse2026!')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'password', code: 'common_password' }] } });
    expect((await attempt(email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await redeem(token)).statusCode).toBe(204);
  });

  it('is issued only for accounts the administrator manages, never for oneself', async () => {
    const { email } = await createOrganisationAndUser(t, ['organisation_admin']);
    const orgAdmin = await login(t, email);
    const { userId } = await newUser();
    expect((await postCommand(t, orgAdmin, 'user.issue_password_reset', uuidv4(), { userId })).statusCode).toBe(404);
    const self = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } })).json() as { id: string };
    expect((await postCommand(t, admin, 'user.issue_password_reset', uuidv4(), { userId: self.id })).statusCode).toBe(403);
  });
});
