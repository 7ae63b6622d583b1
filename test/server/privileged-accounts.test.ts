import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKEND } from '../support/database.ts';
import { type Session, TEST_PASSWORD, type TestApp, createTestApp, login, postCommand, systemCommand } from '../support/app.ts';

/**
 * An organisation's administrator manages its ordinary accounts, never one holding a role
 * that reaches beyond the organisation: otherwise a reset link or a deactivation would let
 * them take over, or shut out, the system administrator of their own organisation.
 */
describe(`privileged accounts on ${BACKEND}`, () => {
  let t: TestApp;
  let orgAdmin: Session;
  let systemAdmin: Session;
  const organisationId = uuidv4();
  const ids = { orgAdmin: uuidv4(), systemAdmin: uuidv4(), coordinator: uuidv4(), colleague: uuidv4() };
  beforeAll(async () => {
    t = await createTestApp();
    await systemCommand(t, 'organisation.create', { organisationId, name: 'Direction régionale (démo)', type: 'government', country: 'ML', regionPcodes: ['ML01'] });
    const make = (userId: string, roles: string[]) =>
      systemCommand(t, 'user.create', { userId, email: `${userId.slice(0, 8)}@example.org`, displayName: 'Compte Démo', password: TEST_PASSWORD, organisationId, roles });
    await make(ids.orgAdmin, ['organisation_admin']);
    await make(ids.systemAdmin, ['system_admin']);
    await make(ids.coordinator, ['nrm_coordinator']);
    await make(ids.colleague, ['case_manager']);
    orgAdmin = await login(t, `${ids.orgAdmin.slice(0, 8)}@example.org`);
    systemAdmin = await login(t, `${ids.systemAdmin.slice(0, 8)}@example.org`);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['user.issue_password_reset', (userId: string) => ({ userId })],
    ['user.deactivate', (userId: string) => ({ userId })],
    ['user.update', (userId: string) => ({ userId, displayName: 'Renommé' })],
    ['user.totp_reset', (userId: string) => ({ userId })],
  ])('%s is refused on a system administrator and a coordinator of the same organisation', async (name, input) => {
    for (const target of [ids.systemAdmin, ids.coordinator]) {
      const res = await postCommand(t, orgAdmin, name, uuidv4(), input(target));
      expect(res.statusCode, `${name} ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
  });

  it('the system administrator is still reachable and working, and ordinary colleagues stay manageable', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: systemAdmin.cookie } })).statusCode).toBe(200);
    expect((await postCommand(t, orgAdmin, 'user.issue_password_reset', uuidv4(), { userId: ids.colleague })).statusCode).toBe(200);
    expect((await postCommand(t, systemAdmin, 'user.issue_password_reset', uuidv4(), { userId: ids.coordinator })).statusCode).toBe(200);
  });

  it('their sessions cannot be listed or ended by the organisation administrator', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/users/${ids.systemAdmin}/sessions`, headers: { cookie: orgAdmin.cookie } });
    expect(res.statusCode).toBe(404);
  });
});
