import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../src/server/backup/write.ts';
import { buildRegistry } from '../../../src/server/commands/registry.ts';
import { loadConfig } from '../../../src/server/config.ts';
import { SecretBox } from '../../../src/server/crypto/secret-box.ts';
import { openPglite } from '../../../src/server/db/client.ts';
import { migrate } from '../../../src/server/db/migrate.ts';
import { buildApp } from '../../../src/server/http/app.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { consent, registerCase } from '../../support/cases.ts';
import { createService, refer } from '../../support/referrals.ts';

/**
 * Done means (issue #7): a person registered with a unique marker in their names is nowhere
 * in the database's files nor in a backup — not in a table, an index, the write-ahead log, the
 * command log or the audit trail. Searched case-insensitively, since names are folded before
 * they are hashed into blocking keys.
 */
const marker = () => `Zqxv${randomBytes(6).toString('hex')}`;

async function registerWithMarker(t: Pick<TestApp, 'app'>, session: Session, name: string, shelter: string) {
  const { caseId, caseCode } = await registerCase(t as TestApp, session, {
    identity: { givenName: `${name}a`, familyName: `${name}b`, aliases: [`${name}c`], motherName: `${name}d Keita`, fatherName: `${name}e`, placeOfOrigin: `${name}f`, phone: '+223 71 23 45 67', documents: [{ type: 'passport', number: `${name}G`.toUpperCase() }], caregiverName: `${name}h` },
    consents: [consent(), consent({ layer: 'disclosure', decision: 'refused' })],
  });
  // What else carries the name: a duplicate check (request body only), a disclosure, an override reason.
  await t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { identity: { givenName: `${name}a`, familyName: `${name}b` }, stats: { sex: 'female' } } });
  return { caseId, caseCode };
}

async function planConfirmedActivity(t: TestApp, session: Session, organisationId: string): Promise<string> {
  const planned = await postCommand(t, session, 'activity.create', uuidv4(), {
    activity: { type: 'forum', title: 'Forum', objectives: ['Informer'], audiences: ['women'], locationPcode: 'ML03', startDate: '2026-12-01', endDate: '2026-12-01', organiserOrganisationIds: [organisationId] },
  });
  expect(planned.statusCode, planned.body).toBe(200);
  const { activityId: id, version } = planned.json().result as { activityId: string; version: number };
  const confirmed = await postCommand(t, session, 'activity.confirm', uuidv4(), { activityId: id, expectedVersion: version });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return id;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const contains = (bytes: Buffer, needle: string) => bytes.toString('latin1').toLowerCase().includes(needle.toLowerCase());

describe('a registered name in the embedded data folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sira-marker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is in no file of the data folder, and in no backup', async () => {
    const name = marker();
    const database = await openPglite(path.join(dir, 'pgdata'));
    await migrate(database.db);
    const config = loadConfig({ SIRA_DATA_DIR: dir, SIRA_WEB_DIR: '/nonexistent', SIRA_SECRET_KEY: randomBytes(32).toString('base64') });
    const registry = buildRegistry();
    const app = await buildApp({ config, database, registry, version: 'test', logger: false });
    const t = { app, database: { ...database, url: undefined, destroy: async () => {} }, registry, config, secrets: new SecretBox([config.secretKey!]), close: async () => {} } as TestApp;
    const user = await createOrganisationAndUser(t, ['case_manager']);
    const shelterUser = await createOrganisationAndUser(t, ['service_focal_point']);
    const shelter = shelterUser.organisationId;
    const session = await login(t, user.email);
    const { caseId, caseCode } = await registerWithMarker(t, session, name, shelter);
    const override = await postCommand(t, session, 'case.disclose', uuidv4(), { caseId, toOrganisationId: shelter, fields: ['caseCode'], override: { reason: `Urgence pour ${name}a ce soir` } });
    expect(override.statusCode, override.body).toBe(200);
    // A referral's reason and the receiver's notes speak about the person too (issue #8).
    await systemCommand(t, 'taxonomy.seed', {});
    const { serviceId } = await createService(t, shelter);
    const referral = await refer(t, session, caseId, serviceId, { reason: `Hébergement pour ${name}a`, override: { reason: `Danger pour ${name}a cette nuit` } });
    expect(referral.res.statusCode, referral.res.body).toBe(200);
    const shelterFocal = await login(t, shelterUser.email);
    const declined = await postCommand(t, shelterFocal, 'referral.decline', uuidv4(), { referralId: referral.referralId, note: `Plus de place pour ${name}a` });
    expect(declined.statusCode, declined.body).toBe(200);
    // The name is really there, readable by its organisation.
    const file = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: session.cookie } });
    expect(file.body).toContain(`${name}a`);
    // A participant of a community activity who agreed to be named (issue #9).
    const officerUser = await createOrganisationAndUser(t, ['community_engagement_officer']);
    const officer = await login(t, officerUser.email);
    const activityId = await planConfirmedActivity(t, officer, officerUser.organisationId);
    const named = await postCommand(t, officer, 'activity.add_participant', uuidv4(), { activityId, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: true, name: `${name}p`, days: [1] });
    expect(named.statusCode, named.body).toBe(200);
    const participants = await app.inject({ method: 'GET', url: `/api/activities/${activityId}/participants`, headers: { cookie: officer.cookie } });
    expect(participants.body).toContain(`${name}p`);

    const backup = path.join(dir, 'backup.sira.gz');
    await writeBackup(database.db, backup);
    await app.close();
    await database.close();

    const files = filesUnder(path.join(dir, 'pgdata'));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => contains(readFileSync(f), name))).toEqual([]);
    // The search does find what is stored in clear: the pseudonymous case code.
    expect(files.some((f) => contains(readFileSync(f), caseCode))).toBe(true);
    const restoredText = gunzipSync(readFileSync(backup));
    expect(restoredText.length).toBeGreaterThan(1000);
    expect(contains(restoredText, name)).toBe(false);
    expect(contains(restoredText, caseId)).toBe(true);
  });
});

describe(`a registered name in a backup on ${BACKEND}`, () => {
  let t: TestApp;
  afterAll(async () => {
    await t.close();
  });

  it('is not in the backup file', async () => {
    t = await createTestApp();
    const name = marker();
    const user = await createOrganisationAndUser(t, ['case_manager']);
    const shelter = (await createOrganisationAndUser(t, ['service_focal_point'])).organisationId;
    const { caseId } = await registerWithMarker(t, await login(t, user.email), name, shelter);
    const dir = mkdtempSync(path.join(tmpdir(), 'sira-marker-backup-'));
    try {
      const backup = path.join(dir, 'backup.sira.gz');
      await writeBackup(t.database.db, backup);
      const text = gunzipSync(readFileSync(backup));
      expect(contains(text, caseId)).toBe(true);
      expect(contains(text, name)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
