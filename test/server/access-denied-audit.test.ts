import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema/index.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login } from '../support/app.ts';

/** Issue 3: permission denied is audited, on reads as on writes; a missing record is not a denial. */
describe(`audit of denied reads on ${BACKEND}`, () => {
  let t: TestApp;
  let caseManager: Session;
  let caseManagerId: string;
  let admin: Session;
  let stranger: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganisationAndUser(t, ['case_manager']);
    caseManagerId = a.userId;
    caseManager = await login(t, a.email);
    const b = await createOrganisationAndUser(t, ['system_admin']);
    admin = await login(t, b.email);
    stranger = b.userId;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (s: Session, url: string, requestId: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie, 'x-request-id': requestId } });
  const deniedFor = async (requestId: string) => (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'))).filter((e) => e.requestId === requestId);

  it.each([
    ['/api/users', 'user.list'],
    ['/api/roles', 'role.list'],
    ['/api/admin/jobs', 'job.list'],
    ['/api/audit', 'audit.read'],
  ])('GET %s refused as if absent, and audited as %s', async (url, action) => {
    const requestId = `denied-${uuidv4()}`;
    const res = await get(caseManager, url, requestId);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    expect(await deniedFor(requestId)).toEqual([expect.objectContaining({ actorUserId: caseManagerId, data: { action }, targetIds: [] })]);
  });

  it('audits a record hidden by policy with its id, and answers exactly like a missing one', async () => {
    const hidden = `hidden-${uuidv4()}`;
    const res = await get(caseManager, `/api/users/${stranger}`, hidden);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(await deniedFor(hidden)).toEqual([expect.objectContaining({ actorUserId: caseManagerId, targetType: 'user', targetIds: [stranger], data: { action: 'user.read' } })]);
    const sessions = `sessions-${uuidv4()}`;
    expect((await get(caseManager, `/api/users/${stranger}/sessions`, sessions)).statusCode).toBe(404);
    expect(await deniedFor(sessions)).toEqual([expect.objectContaining({ targetIds: [stranger], data: { action: 'session.revoke' } })]);

    const missing = `missing-${uuidv4()}`;
    const absent = await get(admin, `/api/users/${uuidv4()}`, missing);
    expect(absent.statusCode).toBe(404);
    expect(absent.json().error.message).toBe(res.json().error.message);
    expect(await deniedFor(missing)).toEqual([]);
    const allowed = `allowed-${uuidv4()}`;
    expect((await get(admin, '/api/users', allowed)).statusCode).toBe(200);
    expect(await deniedFor(allowed)).toEqual([]);
  });
});
