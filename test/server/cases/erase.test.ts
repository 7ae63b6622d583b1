import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePerson } from '../../../src/domain/dedupe/person.ts';
import type { PersonIdentity } from '../../../src/domain/cases/identity.ts';
import { SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { blindIndexesOf, personInputs } from '../../../src/server/cases/dedupe-index.ts';
import type { PersonExport } from '../../../src/server/cases/rights/export-json.ts';
import { blindIndexer } from '../../../src/server/crypto/blind-index.ts';
import { queryRows } from '../../../src/server/db/rows.ts';
import { auditEvents, caseBlindIndexes, caseLinkRequests, cases, consentOverrides, consents, formSubmissions, jobs } from '../../../src/server/db/schema/index.ts';
import { runRetention } from '../../../src/server/cases/rights/retention.ts';
import { builtInJobHandlers, ensureRecurringJobs } from '../../../src/server/jobs/handlers.ts';
import { JobWorker } from '../../../src/server/jobs/worker.ts';
import { builtinFormId } from '../../../src/server/forms/builtin.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, TEST_PASSWORD, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { consent, registerCase } from '../../support/cases.ts';
import { strandedWoman } from '../../domain/screening/examples.ts';

const marker = () => `Zqxv${randomBytes(5).toString('hex')}`;

/** Every text, JSON and array value of every table, as text: where a leftover would hide. */
async function wholeDatabase(t: TestApp): Promise<string> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    t.database.db,
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const parts: string[] = [];
  for (const c of columns) {
    const [row] = await queryRows<{ v: string | null }>(t.database.db, sql`select string_agg(${sql.identifier(c.column_name)}::text, ' ') as v from ${sql.identifier(c.table_name)}`);
    parts.push(row?.v ?? '');
  }
  expect(columns.length).toBeGreaterThan(50);
  return parts.join('\n');
}

describe(`erasing a person on ${BACKEND}`, () => {
  let t: TestApp;
  let manager: Session;
  let identifier: Session;
  let outsider: Session;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    t = await createTestApp();
    await systemCommand(t, 'form.seed_builtin', {});
    const a = await createOrganisationAndUser(t, ['case_manager']);
    const b = await createOrganisationAndUser(t, ['case_manager']);
    orgA = a.organisationId;
    orgB = b.organisationId;
    const email = `identifier-${uuidv4().slice(0, 8)}@example.org`;
    await systemCommand(t, 'user.create', { userId: uuidv4(), email, displayName: 'Seydou Test', password: TEST_PASSWORD, organisationId: orgA, roles: ['frontline_identifier'] });
    manager = await login(t, a.email);
    outsider = await login(t, b.email);
    identifier = await login(t, email);
  });
  afterAll(async () => {
    await t.close();
  });

  const erase = (session: Session, caseId: string, id = uuidv4()) => postCommand(t, session, 'person.erase', id, { caseId, reason: 'request' });
  const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!;
  const check = async (session: Session, identity: Partial<PersonIdentity>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { identity, stats: { sex: 'female', nationality: 'ML' } } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { candidates: { caseId?: string; organisationId?: string }[] }).candidates;
  };

  it('destroys everything that identifies the person, keeps the statistics, and forgets them in duplicate checks', async () => {
    const name = marker();
    const identity = { givenName: `${name}a`, familyName: `${name}b`, aliases: [`${name}c`], motherName: `${name}d Keita`, phone: '+223 71 98 76 54', documents: [{ type: 'passport' as const, number: `${name}G`.toUpperCase() }], placeOfOrigin: `${name}f` };
    const person = await registerCase(t, manager, {
      identity,
      consents: [consent(), consent({ layer: 'reporting' })],
      screening: [{ formId: builtinFormId(SCREENING_FORM_KEYS.vulnerability), version: 1, answers: strandedWoman }],
    });
    const override = await postCommand(t, manager, 'case.disclose', uuidv4(), { caseId: person.caseId, toOrganisationId: orgB, fields: ['caseCode'], override: { reason: `Urgence pour ${name}a ce soir` } });
    expect(override.statusCode, override.body).toBe(200);
    expect((await check(manager, identity)).map((c) => c.caseId)).toContain(person.caseId);

    // What exists before: the sealed values, and every HMAC computed from the person's names, phone and document.
    const before = await caseRow(person.caseId);
    const [submission] = await t.database.db.select().from(formSubmissions).where(eq(formSubmissions.caseId, person.caseId));
    const [reason] = await t.database.db.select().from(consentOverrides).where(eq(consentOverrides.caseId, person.caseId));
    const sealed = [before.identity!, before.dataKey!, submission!.answers!, reason!.reason!];
    const indexer = await blindIndexer(t.database.db, t.secrets);
    const full = { ...identity, ageUncertain: false, dateOfBirth: '1998-04-12' } as PersonIdentity;
    const prepared = personInputs(person.caseId, full, { sex: 'female', nationality: 'ML' }, before.registeredAt).map(preparePerson);
    const hmacs = [...blindIndexesOf(indexer, prepared, full).map((k) => k.hmac), indexer.hmac('name-given', prepared[0]!.given!.canonical), indexer.hmac('name-family', prepared[0]!.family!.canonical)];
    const everythingBefore = await wholeDatabase(t);
    for (const value of [...sealed, ...hmacs]) expect(everythingBefore).toContain(value);
    const consentsBefore = await t.database.db.select({ layer: consents.layer, decision: consents.decision, givenAt: consents.givenAt }).from(consents).where(eq(consents.caseId, person.caseId));

    const res = await erase(manager, person.caseId);
    expect(res.statusCode, res.body).toBe(200);

    const after = await caseRow(person.caseId);
    expect(after).toMatchObject({ status: 'anonymised', identity: null, dataKey: null });
    expect(after.anonymisedAt).toBeInstanceOf(Date);
    const stats = (r: typeof before) => [r.caseCode, r.organisationId, r.category, r.riskLevel, r.traffickingStatus, r.childStatus, r.isChild, r.sex, r.ageBand, r.nationality, r.preferredLanguage, r.regionPcode, r.registeredAt.getTime(), r.lastActivityAt.getTime()];
    expect(stats(after)).toEqual(stats(before));
    expect(await t.database.db.select({ layer: consents.layer, decision: consents.decision, givenAt: consents.givenAt }).from(consents).where(eq(consents.caseId, person.caseId))).toEqual(consentsBefore);
    expect((await t.database.db.select().from(formSubmissions).where(eq(formSubmissions.caseId, person.caseId)))[0]).toMatchObject({ answers: null, summary: { kind: 'vulnerability' } });
    expect(await t.database.db.select().from(caseBlindIndexes).where(eq(caseBlindIndexes.caseId, person.caseId))).toEqual([]);

    // Nothing of the person is left: not in clear, not sealed, not even as an HMAC of a name.
    const everything = await wholeDatabase(t);
    expect(everything.toLowerCase()).not.toContain(name.toLowerCase());
    for (const value of [...sealed, ...hmacs]) expect(everything).not.toContain(value);

    expect((await check(manager, identity)).map((c) => c.caseId)).not.toContain(person.caseId);
    const [audited] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.type, 'command.applied'), sql`${auditEvents.data}->>'command' = 'person.erase'`, sql`${auditEvents.targetIds} @> array[${person.caseId}]::text[]`));
    expect(audited).toMatchObject({ actorOrganisationId: orgA, data: { command: 'person.erase', fields: ['identity', 'reason.request'] } });

    // The file and the export still answer, without identity.
    const file = await t.app.inject({ method: 'GET', url: `/api/cases/${person.caseId}`, headers: { cookie: manager.cookie } });
    expect(file.json()).toMatchObject({ status: 'anonymised', identity: null, screenings: [], anonymisedAt: after.anonymisedAt!.toISOString() });
    const exported = (await t.app.inject({ method: 'GET', url: `/api/cases/${person.caseId}/export.json`, headers: { cookie: manager.cookie } })).json() as PersonExport;
    expect(exported).toMatchObject({ identity: null, screenings: [], case: { status: 'anonymised', category: before.category } });
    expect(exported.accessLog.map((e) => e.action)).toContain('erased');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/cases/${person.caseId}/export.pdf`, headers: { cookie: manager.cookie } });
    expect(pdf.statusCode).toBe(200);
  });

  it('applies a replay once, and erasing an erased person again changes nothing', async () => {
    const { caseId } = await registerCase(t, manager, { identity: { givenName: 'Salimata', familyName: 'Coulibaly' } });
    const id = uuidv4();
    const first = await erase(manager, caseId, id);
    const replay = await erase(manager, caseId, id);
    expect(replay.json()).toMatchObject({ status: 'replayed', result: (first.json() as { result: unknown }).result });
    const erasedAt = (await caseRow(caseId)).anonymisedAt;
    const again = await erase(manager, caseId);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as { result: { anonymisedAt: string } }).result.anonymisedAt).toBe(erasedAt!.toISOString());
    expect((await caseRow(caseId)).anonymisedAt).toEqual(erasedAt);
    const applied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'command.applied'))).filter((e) => e.targetIds.includes(caseId) && (e.data as { command: string }).command === 'person.erase');
    expect(applied.map((e) => (e.data as { fields: string[] }).fields)).toEqual([['identity', 'reason.request'], []]);
  });

  it('refuses a frontline identifier (who may read the case but not erase it) and hides the case from another organisation', async () => {
    const { caseId } = await registerCase(t, manager, { identity: { givenName: 'Oumou', familyName: 'Sangaré' } });
    const refused = await erase(identifier, caseId);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const hidden = await erase(outsider, caseId);
    expect(hidden.statusCode).toBe(404);
    expect((await caseRow(caseId)).status).toBe('open');
    expect((await caseRow(caseId)).identity).not.toBeNull();
    const denied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'))).filter((e) => e.targetIds.includes(caseId));
    expect(denied.map((e) => e.actorOrganisationId)).toEqual([orgB]);
  });

  it('dismisses the pending requests to link the person with a record held elsewhere', async () => {
    const identity = { givenName: 'Kadiatou', familyName: `Traoré${marker()}`, dateOfBirth: '1996-02-03', phone: '+223 66 55 44 33' };
    const held = await registerCase(t, manager, { identity });
    const [candidate] = (await t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf }, payload: { identity, stats: { sex: 'female', nationality: 'ML' } } })).json().candidates as { token: string }[];
    const linking = await registerCase(t, outsider, { identity, linkTo: [candidate!.token] });
    const [pending] = await t.database.db.select().from(caseLinkRequests).where(eq(caseLinkRequests.caseId, linking.caseId));
    expect(pending).toMatchObject({ otherCaseId: held.caseId, status: 'pending' });
    expect((await erase(manager, held.caseId)).statusCode).toBe(200);
    const [decided] = await t.database.db.select().from(caseLinkRequests).where(eq(caseLinkRequests.id, pending!.id));
    expect(decided).toMatchObject({ status: 'dismissed' });
    expect(decided!.decidedAt).toBeInstanceOf(Date);
    // The other organisation's own record of the person is theirs, untouched.
    expect((await caseRow(linking.caseId))).toMatchObject({ status: 'open' });
  });

  it('erases a case merged into another organisation’s without counting the person’s names down twice', async () => {
    const identity = { givenName: `Rokia${marker()}`, familyName: 'Haïdara', dateOfBirth: '1993-07-08', phone: '+223 65 43 21 09' };
    const held = await registerCase(t, manager, { identity });
    const [candidate] = (await t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf }, payload: { identity, stats: { sex: 'female', nationality: 'ML' } } })).json().candidates as { token: string }[];
    const kept = await registerCase(t, outsider, { identity, linkTo: [candidate!.token] });
    const [link] = await t.database.db.select().from(caseLinkRequests).where(eq(caseLinkRequests.caseId, kept.caseId));
    const coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    expect((await postCommand(t, coordinator, 'case.merge', uuidv4(), { linkRequestId: link!.id, keep: 'requesting' })).statusCode).toBe(200);
    expect((await caseRow(held.caseId)).status).toBe('merged');

    const indexer = await blindIndexer(t.database.db, t.secrets);
    const given = preparePerson(personInputs('x', { ...identity, aliases: [], documents: [], ageUncertain: false }, { sex: 'female' }, new Date())[0]!).given!.canonical;
    const countOf = async () => (await queryRows<{ count: number }>(t.database.db, sql`select count from dedupe_name_counts where kind = 'given' and hmac = ${indexer.hmac('name-given', given)}`))[0]?.count;
    expect(await countOf()).toBe(1);
    expect((await erase(manager, held.caseId)).statusCode).toBe(200);
    expect(await caseRow(held.caseId)).toMatchObject({ status: 'anonymised', identity: null, mergedInto: kept.caseId });
    // The person is still known, through the case kept by the other organisation.
    expect(await countOf()).toBe(1);
    expect((await check(manager, identity)).map((c) => c.organisationId)).toContain(orgB);
  });
});

describe(`the retention job on ${BACKEND}`, () => {
  let t: TestApp;
  let manager: Session;
  beforeAll(async () => {
    t = await createTestApp();
    manager = await login(t, (await createOrganisationAndUser(t, ['case_manager'])).email);
  });
  afterAll(async () => {
    await t.close();
  });

  const yearsAgo = (years: number, days = 0) => {
    const d = new Date();
    d.setUTCFullYear(d.getUTCFullYear() - years);
    return new Date(d.getTime() - days * 86_400_000);
  };

  it('anonymises, as the system, only the open cases nobody has worked on for the retention period, then comes back tomorrow', async () => {
    const old = await registerCase(t, manager, { identity: { givenName: 'Assitan', familyName: 'Dembélé' } });
    const older = await registerCase(t, manager, { identity: { givenName: 'Bintou', familyName: 'Keïta' } });
    const recent = await registerCase(t, manager, { identity: { givenName: 'Mariam', familyName: 'Cissé' } });
    const today = await registerCase(t, manager, { identity: { givenName: 'Nana', familyName: 'Touré' } });
    await t.database.db.update(cases).set({ lastActivityAt: yearsAgo(10, 1) }).where(eq(cases.id, old.caseId));
    await t.database.db.update(cases).set({ lastActivityAt: yearsAgo(14) }).where(eq(cases.id, older.caseId));
    // Registered long ago, but worked on within the period: kept.
    await t.database.db.update(cases).set({ registeredAt: yearsAgo(12), lastActivityAt: yearsAgo(9, 300) }).where(eq(cases.id, recent.caseId));

    // Started as the server starts it: ensured at start-up, run by the worker when due.
    await ensureRecurringJobs(t.database.db);
    await ensureRecurringJobs(t.database.db);
    const queued = await t.database.db.select().from(jobs).where(eq(jobs.kind, 'cases.retention'));
    expect(queued).toHaveLength(1);
    await t.database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, queued[0]!.id));
    const handlers = builtInJobHandlers({ idleMs: 60_000, absoluteMs: 3_600_000 }, { secrets: () => t.secrets, years: 10 });
    const worker = new JobWorker(t.database.db, handlers, { pollMs: 60_000 });
    expect(await worker.drain()).toBe(1);

    const status = async (id: string) => (await t.database.db.select({ status: cases.status, identity: cases.identity }).from(cases).where(eq(cases.id, id)))[0]!;
    expect(await status(old.caseId)).toEqual({ status: 'anonymised', identity: null });
    expect(await status(older.caseId)).toEqual({ status: 'anonymised', identity: null });
    expect((await status(recent.caseId)).status).toBe('open');
    expect((await status(today.caseId)).status).toBe('open');

    const erasures = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'command.applied'))).filter((e) => (e.data as { command: string }).command === 'person.erase');
    expect(erasures.map((e) => e.targetIds[0]).sort()).toEqual([old.caseId, older.caseId].sort());
    for (const e of erasures) expect(e).toMatchObject({ actorUserId: null, actorOrganisationId: null, data: { fields: ['identity', 'reason.retention'] } });

    const runs = await t.database.db.select().from(jobs).where(eq(jobs.kind, 'cases.retention'));
    expect(runs.map((j) => j.status).sort()).toEqual(['pending', 'succeeded']);
    expect(runs.find((j) => j.status === 'pending')!.runAt.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
  });

  it('works through a backlog in bounded runs, and a simulated clock moves the cut-off', async () => {
    for (const givenName of ['Awa', 'Djeneba', 'Fanta']) await registerCase(t, manager, { identity: { givenName, familyName: 'Diallo' } });
    const open = (await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'open'))).length;
    expect(open).toBeGreaterThanOrEqual(3);
    const settings = { secrets: () => t.secrets, years: 10 };
    expect(await runRetention(t.database.db, settings)).toEqual({ erased: 0, more: false });
    const in11Years = new Date(Date.now() + 11 * 365.25 * 86_400_000);
    expect(await runRetention(t.database.db, settings, { now: in11Years, maxPerRun: 2 })).toEqual({ erased: 2, more: true });
    expect(await runRetention(t.database.db, settings, { now: in11Years })).toEqual({ erased: open - 2, more: false });
    const left = await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'open'));
    expect(left).toEqual([]);
  });
});
