import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { SEALED_COLUMNS, resealAll, sealedValuesByKey } from '../../src/server/crypto/rotate.ts';
import { SecretBox, keyIdOf } from '../../src/server/crypto/secret-box.ts';
import { queryRows } from '../../src/server/db/rows.ts';
import { activityParticipants, auditEvents, cases } from '../../src/server/db/schema/index.ts';
import { openParticipantName } from '../../src/server/activities/participant-name.ts';
import { openIdentity } from '../../src/server/cases/sealed-case.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { totpCodeAt } from '../../src/server/identity/totp.ts';
import { BACKEND } from '../support/database.ts';
import { type Session, TEST_PASSWORD, type TestApp, createTestApp, login, postCommand, startAppWithAdmin, systemCommand } from '../support/app.ts';
import { registrationInput } from '../support/cases.ts';

/**
 * Rotating the secret key: every sealed value is re-sealed under the new key in one go, after
 * which the old key is no longer needed to open anything; the rotation is audited by key id.
 */
describe(`secret key rotation on ${BACKEND}`, () => {
  let t: TestApp;
  let admin: Session;
  let organisationId: string;
  let activityId: string;
  const enrolled = { email: `rot-${uuidv4().slice(0, 8)}@example.org`, secret: '' };
  beforeAll(async () => {
    ({ t, admin, organisationId } = await startAppWithAdmin());
    for (const [email, confirm] of [
      [enrolled.email, true],
      [`pending-${uuidv4().slice(0, 8)}@example.org`, false],
    ] as const) {
      await postCommand(t, admin, 'user.create', uuidv4(), { userId: uuidv4(), email, displayName: 'Salif Démo', password: TEST_PASSWORD, organisationId, roles: ['case_manager'] });
      const session = await login(t, email);
      const begin = await postCommand(t, session, 'user.totp_begin', uuidv4(), {});
      const { secret } = (begin.json() as { ephemeral: { secret: string } }).ephemeral;
      if (confirm) {
        expect((await postCommand(t, session, 'user.totp_confirm', uuidv4(), { code: totpCodeAt(secret, new Date()) })).statusCode).toBe(200);
        enrolled.secret = secret;
      }
    }
    // A registered person: the case's data key and the blind-index key are sealed too.
    await systemCommand(t, 'case.register', registrationInput({ organisationId }));
    // A participant of a community activity who agreed to be named: the name is sealed too.
    const planned = await systemCommand(t, 'activity.create', {
      organisationId,
      activity: { type: 'workshop', title: 'Atelier', objectives: ['Valider les procédures'], audiences: ['partners'], locationPcode: 'ML01', startDate: '2026-12-01', endDate: '2026-12-01', organiserOrganisationIds: [organisationId] },
    });
    activityId = (planned.result as { activityId: string }).activityId;
    await systemCommand(t, 'activity.confirm', { activityId, expectedVersion: 1 });
    await systemCommand(t, 'activity.add_participant', { activityId, sex: 'female', ageBand: '25-59', category: 'partners', consentToBeNamed: true, name: 'Oumou Démo', days: [1] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('re-seals every value under the new key, after which the old key opens nothing that is needed', async () => {
    const oldKey = t.config.secretKey!;
    const newKey = randomBytes(32);
    const before = await sealedValuesByKey(t.database.db, t.secrets);
    expect([...before.entries()]).toEqual([[keyIdOf(oldKey), 5]]);

    const resealed = await resealAll(t.database.db, new SecretBox([newKey, oldKey]), 1);
    expect(resealed).toBe(5);
    expect([...(await sealedValuesByKey(t.database.db, t.secrets)).entries()]).toEqual([[keyIdOf(newKey), 5]]);
    // Nothing left to do: a second run re-seals nothing.
    expect(await resealAll(t.database.db, new SecretBox([newKey, oldKey]), 1)).toBe(0);

    // A server started with the new key alone signs the enrolled person in with their code.
    const config = loadConfig({ SIRA_DATA_DIR: '/nonexistent', SIRA_WEB_DIR: '/nonexistent', SIRA_SECRET_KEY: newKey.toString('base64') });
    const app = await buildApp({ config, database: t.database, registry: t.registry, version: 'test', logger: false });
    try {
      const password = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: enrolled.email, password: TEST_PASSWORD } });
      const { challenge } = password.json() as { challenge: string };
      const code = await app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challenge, code: totpCodeAt(enrolled.secret, new Date(Date.now() + 30_000)) } });
      expect(code.statusCode, code.body).toBe(200);
    } finally {
      await app.close();
    }

    // The person's identity opens with the new key alone: only the case's data key was re-sealed.
    const [row] = await t.database.db.select().from(cases);
    expect(openIdentity(new SecretBox([newKey]), row!).givenName).toBe('Aminata');

    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'system.keys_rotated'));
    expect(event?.data).toEqual({ keyId: keyIdOf(newKey), resealed: 5, previousKeysKept: 1 });
    // The participant's name too.
    const [participant] = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, activityId));
    expect(openParticipantName(new SecretBox([newKey]), participant!.id, participant!.nameSealed)).toBe('Oumou Démo');
    expect(JSON.stringify(event)).not.toContain(newKey.toString('base64'));
  });

  it('knows every column that holds sealed values (a new sealed column must join the rotation)', async () => {
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      t.database.db,
      sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying')`,
    );
    const tablesWithSealed = new Set<string>();
    for (const c of columns) {
      const [hit] = await queryRows<{ n: number | string }>(
        t.database.db,
        sql`select count(*) as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)} ~ '^v1[.][A-Za-z0-9_-]{8}[.][A-Za-z0-9_-]{16}[.]'`,
      );
      if (Number(hit?.n ?? 0) > 0) tablesWithSealed.add(c.table_name);
    }
    expect(tablesWithSealed.size).toBeGreaterThan(0);
    expect([...tablesWithSealed].sort()).toEqual(SEALED_COLUMNS.map((s) => s.table).sort());
  });
});
