import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, consentOverrides, disclosures } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, TEST_PASSWORD, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { consent, registerCase, registrationInput } from '../../support/cases.ts';

/**
 * Layered consent is enforced by the server: what the browser shows is a convenience, the
 * commands decide. Each test goes through the HTTP API as the people who would act.
 */
describe(`consent on ${BACKEND}`, () => {
  let t: TestApp;
  let identifier: Session;
  let caseManager: Session;
  let coordinator: Session;
  let orgA: string;
  let shelter: string;
  let police: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganisationAndUser(t, ['frontline_identifier']);
    orgA = a.organisationId;
    identifier = await login(t, a.email);
    const cmEmail = `cm-${uuidv4().slice(0, 8)}@example.org`;
    await systemCommand(t, 'user.create', { userId: uuidv4(), email: cmEmail, displayName: 'Cheick Test', password: TEST_PASSWORD, organisationId: orgA, roles: ['case_manager'] });
    caseManager = await login(t, cmEmail);
    shelter = (await createOrganisationAndUser(t, ['service_focal_point'])).organisationId;
    police = (await createOrganisationAndUser(t, ['service_focal_point'])).organisationId;
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
  });
  afterAll(async () => {
    await t.close();
  });

  const disclose = (session: Session, caseId: string, to: string, extra: Record<string, unknown> = {}) =>
    postCommand(t, session, 'case.disclose', uuidv4(), { caseId, toOrganisationId: to, serviceType: 'shelter', fields: ['caseCode', 'ageBand', 'name', 'phone'], ...extra });

  it('refuses a disclosure the person refused, and one they never agreed to, changing nothing', async () => {
    const { caseId } = await registerCase(t, identifier, {
      consents: [consent(), consent({ layer: 'disclosure', decision: 'granted', organisationId: shelter }), consent({ layer: 'disclosure', decision: 'refused', organisationId: police })],
    });
    const ok = await disclose(identifier, caseId, shelter);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ result: { basis: 'consent' }, ephemeral: { name: 'Aminata Diarra', phone: '+223 76 12 34 56' } });

    const refused = await disclose(identifier, caseId, police);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    const stranger = (await createOrganisationAndUser(t, ['case_manager'])).organisationId;
    const unknown = await disclose(identifier, caseId, stranger);
    expect(unknown.json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    expect((await t.database.db.select().from(disclosures).where(eq(disclosures.caseId, caseId))).map((d) => d.toOrganisationId)).toEqual([shelter]);
  });

  it('lets the most specific decision win: yes to partners, but not the police', async () => {
    const { caseId } = await registerCase(t, identifier, {
      consents: [consent(), consent({ layer: 'disclosure', decision: 'granted' }), consent({ layer: 'disclosure', decision: 'refused', organisationId: police })],
    });
    expect((await disclose(identifier, caseId, shelter)).statusCode).toBe(200);
    expect((await disclose(identifier, caseId, police)).json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
  });

  it('stops covering a disclosure the moment consent is withdrawn', async () => {
    const { caseId } = await registerCase(t, identifier, { consents: [consent(), consent({ layer: 'disclosure', decision: 'granted', organisationId: shelter })] });
    expect((await disclose(identifier, caseId, shelter)).statusCode).toBe(200);
    const file = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: identifier.cookie } })).json() as { consents: { id: string; layer: string }[] };
    const given = file.consents.find((c) => c.layer === 'disclosure')!;
    const withdrawn = await postCommand(t, identifier, 'consent.withdraw', uuidv4(), { caseId, consentId: given.id });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await disclose(identifier, caseId, shelter)).json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    // A new decision can be recorded afterwards, and covers again.
    const again = await postCommand(t, identifier, 'consent.record', uuidv4(), { caseId, consentId: uuidv4(), consent: consent({ layer: 'disclosure', decision: 'granted', organisationId: shelter, givenAt: new Date().toISOString() }) });
    expect(again.statusCode, again.body).toBe(200);
    expect((await disclose(identifier, caseId, shelter)).statusCode).toBe(200);
  });

  it('accepts an override only from a role allowed to make one, with a reason, audited and shown to the coordinator', async () => {
    const { caseId, caseCode } = await registerCase(t, identifier, { consents: [consent(), consent({ layer: 'disclosure', decision: 'refused' })] });
    const reason = 'Danger immédiat : hébergement d’urgence cette nuit';
    // A frontline identifier may not override, even with a reason.
    expect((await disclose(identifier, caseId, shelter, { override: { reason } })).json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    // A case manager must give a real reason.
    const short = await disclose(caseManager, caseId, shelter, { override: { reason: 'urgent' } });
    expect(short.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.override.reason' }] } });
    const ok = await disclose(caseManager, caseId, shelter, { override: { reason } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ result: { basis: 'override' } });

    const [stored] = await t.database.db.select().from(consentOverrides).where(eq(consentOverrides.caseId, caseId));
    expect(stored!.reason).not.toContain('Danger');
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'consent.overridden'));
    expect(events.find((e) => e.targetIds.includes(caseId))?.data).toEqual({ toOrganisationId: shelter, serviceType: 'shelter' });

    const list = await t.app.inject({ method: 'GET', url: '/api/consent-overrides?unreviewed=true', headers: { cookie: coordinator.cookie } });
    const item = (list.json() as { items: { id: string; caseCode: string; reason: string | null }[] }).items.find((i) => i.caseCode === caseCode);
    expect(item?.reason).toBe(reason);
    expect((await postCommand(t, coordinator, 'consent.review_override', uuidv4(), { overrideId: item!.id })).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/consent-overrides?unreviewed=true', headers: { cookie: coordinator.cookie } });
    expect((after.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(item!.id);
  });

  it('takes a consent from a phone whose clock runs ahead as given now, not as missing', async () => {
    const ahead = new Date(Date.now() + 20 * 60_000).toISOString();
    const before = Date.now();
    const res = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ consents: [consent({ givenAt: ahead })] }));
    expect(res.statusCode, res.body).toBe(200);
    const caseId = (res.json() as { result: { caseId: string } }).result.caseId;
    const file = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: identifier.cookie } })).json() as { consents: { givenAt: string }[] };
    const given = Date.parse(file.consents[0]!.givenAt);
    expect(given).toBeGreaterThanOrEqual(before - 1000);
    expect(given).toBeLessThan(Date.parse(ahead));
  });

  describe('children', () => {
    const child = (age: number) => ({ identity: { dateOfBirth: String(new Date().getUTCFullYear() - age - 1) } });
    const attempt = (age: number, c: Parameters<typeof consent>[0]) => postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ ...child(age), consents: [consent(c)] }));
    const problem = async (res: Awaited<ReturnType<typeof attempt>>) => (res.statusCode === 200 ? null : (res.json() as { error: { details: { code: string }[] } }).error.details[0]?.code);

    it('takes a caregiver’s consent with the child’s assent, recorded', async () => {
      const res = await attempt(10, { givenBy: 'caregiver', childAssent: 'given' });
      expect(res.statusCode, res.body).toBe(200);
      const caseId = (res.json() as { result: { caseId: string } }).result.caseId;
      const file = (await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { cookie: identifier.cookie } })).json() as { isChild: boolean; ageBand: string; consents: { givenBy: string; childAssent: string }[] };
      expect(file).toMatchObject({ isChild: true, ageBand: '6-11', consents: [{ givenBy: 'caregiver', childAssent: 'given' }] });
    });

    it('refuses a young child’s own consent, a missing assent, and a caregiver’s yes over the child’s no', async () => {
      expect(await problem(await attempt(10, { givenBy: 'self', childAssent: 'given' }))).toBe('consent_child_needs_adult');
      expect(await problem(await attempt(10, { givenBy: 'caregiver', childAssent: 'not_applicable' }))).toBe('consent_child_assent_needed');
      expect(await problem(await attempt(10, { givenBy: 'caregiver', childAssent: 'refused' }))).toBe('consent_child_assent_refused');
      // Only a caseworker deciding in the child's best interests may go ahead against the child's no.
      expect(await problem(await attempt(10, { givenBy: 'caseworker_best_interests', childAssent: 'refused' }))).toBeNull();
    });

    it('lets a 16-year-old consent, and a caregiver only with their permission; an adult consents for themselves', async () => {
      expect(await problem(await attempt(16, { givenBy: 'self' }))).toBeNull();
      expect(await problem(await attempt(16, { givenBy: 'caregiver', childAssent: 'not_applicable' }))).toBe('consent_child_permission_needed');
      expect(await problem(await attempt(16, { givenBy: 'caregiver', childAssent: 'given' }))).toBeNull();
      expect(await problem(await attempt(3, { givenBy: 'caregiver', childAssent: 'not_applicable' }))).toBeNull();
      expect(await problem(await attempt(30, { givenBy: 'caregiver' }))).toBe('consent_adult_gives_own');
    });
  });
});
