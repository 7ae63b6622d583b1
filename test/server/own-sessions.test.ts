import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, login, postCommand, startAppWithAdmin } from '../support/app.ts';

interface Listed {
  items: { id: string; userId: string; current: boolean }[];
}

/**
 * The account page lists "my sessions" and signs out other devices through the same route
 * and command administrators use: this holds them open to a person without `user.manage`,
 * for their own account only.
 */
describe(`own sessions on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
  });
  afterAll(async () => {
    await t.close();
  });

  const newIdentifier = async () => {
    const userId = uuidv4();
    const email = `s-${userId.slice(0, 8)}@example.org`;
    const created = await postCommand(t, admin, 'user.create', uuidv4(), { userId, email, displayName: 'Oumar Cissé', password: TEST_PASSWORD, organisationId, roles: ['frontline_identifier'] });
    expect(created.statusCode, created.body).toBe(200);
    return { userId, email };
  };
  const list = (s: Session, userId: string) => t.app.inject({ method: 'GET', url: `/api/users/${userId}/sessions`, headers: { cookie: s.cookie } });
  const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });

  it('lets a person without user.manage list their sessions, marking this one, and end another of theirs', async () => {
    const { userId, email } = await newIdentifier();
    const phone = await login(t, email);
    const office = await login(t, email);
    const listed = await list(phone, userId);
    expect(listed.statusCode, listed.body).toBe(200);
    const { items } = listed.json() as Listed;
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.every((s) => s.userId === userId)).toBe(true);

    const other = items.find((s) => !s.current);
    const revoked = await postCommand(t, phone, 'session.revoke', uuidv4(), { sessionId: other?.id });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await me(office)).statusCode).toBe(401);
    expect((await me(phone)).statusCode).toBe(200);
    expect(((await list(phone, userId)).json() as Listed).items).toHaveLength(1);
  });

  it("answers 404 for a colleague's sessions, and refuses to end one", async () => {
    const mine = await newIdentifier();
    const theirs = await newIdentifier();
    const session = await login(t, mine.email);
    const colleague = await login(t, theirs.email);
    expect((await list(session, theirs.userId)).statusCode).toBe(404);
    const [their] = ((await list(colleague, theirs.userId)).json() as Listed).items;
    const refused = await postCommand(t, session, 'session.revoke', uuidv4(), { sessionId: their?.id });
    expect(refused.statusCode).toBe(404);
    expect((await me(colleague)).statusCode).toBe(200);
  });
});
