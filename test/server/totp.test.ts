import { and, eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, commandLog, loginChallenges, loginFailures, userTotp } from '../../src/server/db/schema/index.ts';
import { totpCodeAt } from '../../src/server/identity/totp.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, login, postCommand, startAppWithAdmin } from '../support/app.ts';

const STEP_MS = 30_000;
/** A code that is certainly not the one of `secret` around now. */
const wrongCode = (secret: string) => String((Number(totpCodeAt(secret, new Date())) + 500_000) % 1_000_000).padStart(6, '0');

describe(`TOTP second factor on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
  });
  afterAll(async () => {
    await t.close();
  });

  const newUser = async (roles: string[] = ['case_manager']) => {
    const userId = uuidv4();
    const email = `t-${userId.slice(0, 8)}@example.org`;
    expect((await postCommand(t, admin, 'user.create', uuidv4(), { userId, email, displayName: 'Aminata Démo', password: TEST_PASSWORD, organisationId, roles })).statusCode).toBe(200);
    return { userId, email };
  };
  const passwordStep = (email: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  const codeStep = (challenge: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge, code } });
  const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
  const challengeOf = async (email: string) => {
    const res = await passwordStep(email);
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toHaveLength(0);
    const body = res.json() as { totpRequired: true; challenge: string };
    expect(body.totpRequired).toBe(true);
    return body.challenge;
  };
  const auditOf = (type: string, userId: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.type, type))).then((rows) => rows.filter((r) => r.targetIds.includes(userId)));

  /** Enrols through the real commands; returns the secret as the authenticator app holds it. */
  const enrol = async (session: Session) => {
    const begin = await postCommand(t, session, 'user.totp_begin', uuidv4(), {});
    expect(begin.statusCode, begin.body).toBe(200);
    const { secret } = (begin.json() as { ephemeral: { secret: string } }).ephemeral;
    expect((await postCommand(t, session, 'user.totp_confirm', uuidv4(), { code: totpCodeAt(secret, new Date()) })).statusCode).toBe(200);
    return secret;
  };

  it('enrols: the secret, URI and QR code are shown once, stored sealed, and never kept in the command log', async () => {
    const { userId, email } = await newUser();
    const session = await login(t, email);
    const commandId = uuidv4();
    const begin = await postCommand(t, session, 'user.totp_begin', commandId, {});
    expect(begin.statusCode, begin.body).toBe(200);
    const body = begin.json() as { status: string; result: unknown; ephemeral: { secret: string; uri: string; qrSvg: string } };
    expect(body.result).toEqual({ pending: true });
    const { secret, uri, qrSvg } = body.ephemeral;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sira:.*secret=/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toMatch(/digits=6/);
    expect(uri).toMatch(/period=30/);
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    const replay = await postCommand(t, session, 'user.totp_begin', commandId, {});
    expect(replay.json()).toEqual({ commandId, status: 'replayed', result: { pending: true } });
    const logged = JSON.stringify(await t.database.db.select().from(commandLog));
    expect(logged).not.toContain(secret);
    const [stored] = await t.database.db.select().from(userTotp).where(eq(userTotp.userId, userId));
    expect(stored?.pendingSecret).toMatch(/^v1\./);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(JSON.stringify(await t.database.db.select().from(auditEvents))).not.toContain(secret);

    // Nothing changes at sign-in until confirmed; a wrong code does not confirm.
    expect((await passwordStep(email)).json()).not.toHaveProperty('totpRequired');
    const wrong = await postCommand(t, session, 'user.totp_confirm', uuidv4(), { code: wrongCode(secret) });
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.code', code: 'totp_invalid' }] } });
    const confirm = await postCommand(t, session, 'user.totp_confirm', uuidv4(), { code: totpCodeAt(secret, new Date()).replace(/^(...)/, '$1 ') });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await me(session)).json()).toMatchObject({ totpEnabled: true, totpEnrolmentRequired: false });
    expect((await postCommand(t, session, 'user.totp_begin', uuidv4(), {})).json()).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('asks for the code after the password, and signs in with the right one', async () => {
    const { userId, email } = await newUser();
    const secret = await enrol(await login(t, email));
    const challenge = await challengeOf(email);
    const res = await codeStep(challenge, totpCodeAt(secret, new Date(Date.now() + STEP_MS)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: userId, totpEnabled: true, csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'sira_session');
    expect(cookie?.httpOnly).toBe(true);
    expect((await me({ cookie: `sira_session=${cookie!.value}`, csrf: '' })).statusCode).toBe(200);
    expect((await auditOf('auth.login.succeeded', userId)).length).toBeGreaterThan(0);
    // The challenge was single-use.
    expect((await codeStep(challenge, totpCodeAt(secret, new Date(Date.now() + STEP_MS)))).json()).toMatchObject({ error: { code: 'TOTP_CHALLENGE_INVALID' } });
  });

  it('refuses a code already used in its window, audited', async () => {
    const { userId, email } = await newUser();
    const secret = await enrol(await login(t, email));
    const code = totpCodeAt(secret, new Date(Date.now() + STEP_MS));
    expect((await codeStep(await challengeOf(email), code)).statusCode).toBe(200);
    const again = await codeStep(await challengeOf(email), code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { code: 'TOTP_INVALID' } });
    expect(again.cookies).toHaveLength(0);
    expect(await auditOf('auth.totp.failed', userId)).toEqual([expect.objectContaining({ data: { reason: 'replayed' } })]);
  });

  it('counts wrong codes toward the account lockout, audited, and locks after five failures', async () => {
    const { userId, email } = await newUser();
    const secret = await enrol(await login(t, email));
    for (let i = 1; i <= 4; i++) {
      const res = await codeStep(await challengeOf(email), wrongCode(secret));
      expect(res.json(), `attempt ${i}`).toMatchObject({ error: { code: 'TOTP_INVALID', message: expect.stringContaining('Code de vérification incorrect') } });
    }
    expect((await t.database.db.select().from(loginFailures)).some((f) => f.failures === 4)).toBe(true);
    // A right password does not wipe the count while the code is still wrong.
    const challenge = await challengeOf(email);
    expect((await codeStep(challenge, wrongCode(secret))).statusCode).toBe(401);
    expect((await passwordStep(email)).json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    // Locked: even the right code is refused until the lock ends.
    expect((await codeStep(challenge, totpCodeAt(secret, new Date()))).json()).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } });
    expect(await auditOf('auth.totp.failed', userId)).toHaveLength(5);
    expect(await auditOf('auth.lockout', userId)).toEqual([expect.objectContaining({ data: { failures: 5, minutes: 15 } })]);
  });

  it('lets a challenge expire after five minutes and allows at most five codes on one', async () => {
    const { userId, email } = await newUser();
    const secret = await enrol(await login(t, email));
    const expired = await challengeOf(email);
    await t.database.db.update(loginChallenges).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(loginChallenges.userId, userId));
    expect((await codeStep(expired, totpCodeAt(secret, new Date()))).json()).toMatchObject({ error: { code: 'TOTP_CHALLENGE_INVALID' } });
    expect((await codeStep('never-issued', '123456')).statusCode).toBe(401);

    const tired = await challengeOf(email);
    await t.database.db.update(loginChallenges).set({ attempts: 5 }).where(eq(loginChallenges.userId, userId));
    expect((await codeStep(tired, totpCodeAt(secret, new Date()))).json()).toMatchObject({ error: { code: 'TOTP_CHALLENGE_INVALID' } });
    expect((await auditOf('auth.totp.failed', userId)).map((e) => e.data)).toEqual([{ reason: 'challenge_invalid' }, { reason: 'challenge_invalid' }]);
  });

  it('switches off only with a right code; wrong codes are counted and audited', async () => {
    const { userId, email } = await newUser();
    const session = await login(t, email);
    const secret = await enrol(session);
    const wrong = await postCommand(t, session, 'user.totp_disable', uuidv4(), { code: wrongCode(secret) });
    expect(wrong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ code: 'totp_invalid' }] } });
    expect(await auditOf('auth.totp.failed', userId)).toEqual([expect.objectContaining({ data: { reason: 'bad_code' } })]);
    expect((await t.database.db.select().from(loginFailures)).some((f) => f.failures === 1)).toBe(true);
    const off = await postCommand(t, session, 'user.totp_disable', uuidv4(), { code: totpCodeAt(secret, new Date(Date.now() + STEP_MS)) });
    expect(off.statusCode, off.body).toBe(200);
    expect((await passwordStep(email)).json()).toMatchObject({ id: userId, totpEnabled: false });
  });

  it('restricts a session to enrolment while a role requires a second factor', async () => {
    const { email } = await newUser(['service_focal_point']);
    const session = await login(t, email);
    expect((await postCommand(t, admin, 'role.save', uuidv4(), { key: 'service_focal_point', permissions: [], requiresTotp: true })).statusCode).toBe(200);
    try {
      expect((await me(session)).json()).toMatchObject({ totpEnabled: false, totpEnrolmentRequired: true, abilities: [] });
      const refused = await t.app.inject({ method: 'GET', url: '/api/organisations?lang=en', headers: { cookie: session.cookie } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'TOTP_ENROLMENT_REQUIRED', message: expect.stringContaining('two-step verification') } });
      expect((await postCommand(t, session, 'user.set_locale', uuidv4(), { locale: 'en' })).statusCode).toBe(403);
      const batch = await t.app.inject({
        method: 'POST',
        url: '/api/commands',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload: { commands: [{ id: uuidv4(), name: 'user.set_locale', input: { locale: 'en' } }] },
      });
      expect(batch.statusCode).toBe(403);

      await enrol(session);
      expect((await me(session)).json()).toMatchObject({ totpEnabled: true, totpEnrolmentRequired: false });
      expect((await t.app.inject({ method: 'GET', url: '/api/organisations', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    } finally {
      expect((await postCommand(t, admin, 'role.reset', uuidv4(), { key: 'service_focal_point' })).statusCode).toBe(200);
    }
    // Sign-out stays open to a restricted session.
    const { email: other } = await newUser(['service_focal_point']);
    const restricted = await login(t, other);
    await postCommand(t, admin, 'role.save', uuidv4(), { key: 'service_focal_point', permissions: [], requiresTotp: true });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: restricted.cookie, 'x-csrf-token': restricted.csrf } });
    expect(out.statusCode).toBe(204);
    await postCommand(t, admin, 'role.reset', uuidv4(), { key: 'service_focal_point' });
  });

  it('lets an administrator remove a lost second factor: sessions end, the next sign-in asks no code', async () => {
    const { userId, email } = await newUser();
    const session = await login(t, email);
    await enrol(session);
    const view = async () => (await t.app.inject({ method: 'GET', url: `/api/users/${userId}`, headers: { cookie: admin.cookie } })).json() as { secondFactor: boolean };
    expect(await view()).toMatchObject({ secondFactor: true });

    const reset = await postCommand(t, admin, 'user.totp_reset', uuidv4(), { userId });
    expect(reset.json()).toMatchObject({ status: 'applied', result: { userId, secondFactor: false } });
    expect((await me(session)).statusCode).toBe(401);
    expect((await passwordStep(email)).json()).toMatchObject({ id: userId, totpEnabled: false });
    expect(await view()).toMatchObject({ secondFactor: false });
    expect(await auditOf('command.applied', userId)).toContainEqual(expect.objectContaining({ data: { command: 'user.totp_reset', fields: ['totp', 'sessions'] } }));

    // Nothing left to remove; and nobody removes their own this way (they switch it off with a code).
    expect((await postCommand(t, admin, 'user.totp_reset', uuidv4(), { userId })).json()).toMatchObject({ error: { code: 'CONFLICT' } });
    const me2 = (await me(admin)).json() as { id: string };
    expect((await postCommand(t, admin, 'user.totp_reset', uuidv4(), { userId: me2.id })).statusCode).toBe(403);
  });
});
