import { and, eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, referralEvents, referrals } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, TEST_PASSWORD, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { consent, registerCase } from '../../support/cases.ts';
import { createService, refer, seedTaxonomy, step } from '../../support/referrals.ts';

/**
 * A referral end to end through the HTTP API, as the people of three organisations would do it:
 * consent is checked by the server, the receiver reads the minimal data set only, every step is
 * a command of the state machine, and the outcome comes back to the referrer.
 */
describe(`referrals on ${BACKEND}`, () => {
  let t: TestApp;
  let identifier: Session;
  let caseManager: Session;
  let focal: Session;
  let focalC: Session;
  let stranger: Session;
  let orgA: string;
  let orgB: string;
  let orgC: string;
  let shelter: { serviceId: string; locationId: string };
  let legal: { serviceId: string; locationId: string };

  beforeAll(async () => {
    t = await createTestApp();
    await seedTaxonomy(t);
    const a = await createOrganisationAndUser(t, ['frontline_identifier']);
    orgA = a.organisationId;
    identifier = await login(t, a.email);
    const cmEmail = `cm-${uuidv4().slice(0, 8)}@example.org`;
    await systemCommand(t, 'user.create', { userId: uuidv4(), email: cmEmail, displayName: 'Cheick Test', password: TEST_PASSWORD, organisationId: orgA, roles: ['case_manager'] });
    caseManager = await login(t, cmEmail);
    const b = await createOrganisationAndUser(t, ['service_focal_point']);
    orgB = b.organisationId;
    focal = await login(t, b.email);
    const c = await createOrganisationAndUser(t, ['service_focal_point']);
    orgC = c.organisationId;
    focalC = await login(t, c.email);
    stranger = await login(t, (await createOrganisationAndUser(t, ['case_manager'])).email);
    shelter = await createService(t, orgB, ['shelter', 'psychosocial']);
    legal = await createService(t, orgC, ['legal_aid'], 'Clinique juridique de test');
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (session: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  const withConsentTo = (organisationId: string, serviceType = 'shelter') => ({ consents: [consent(), consent({ layer: 'disclosure', decision: 'granted', organisationId, serviceType })] });

  it('refers with consent, and the receiver sees the minimal data set with the name only because consent covers it', async () => {
    const { caseId, caseCode } = await registerCase(t, identifier, withConsentTo(orgB));
    const { res, referralId } = await refer(t, identifier, caseId, shelter.serviceId, { shareIdentity: true, locationId: shelter.locationId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toMatchObject({ referralId, basis: 'consent', referenceCode: expect.stringMatching(/^REF-[0-9A-Z]{4}-[0-9A-Z]{4}$/) });

    const inbox = await get(focal, '/api/referrals/inbox?view=new');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const item = inbox.json().items.find((i: { id: string }) => i.id === referralId);
    expect(item).toMatchObject({ state: 'sent', urgency: 'urgent', serviceType: 'shelter', fromOrganisationId: orgA, toOrganisationId: orgB, caseCode: null, caseId: null, ageBand: expect.any(String) });
    expect(inbox.body).not.toContain('Diarra');

    const detail = await get(focal, `/api/referrals/${referralId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json();
    expect(d.side).toBe('receiver');
    expect(d.data).toMatchObject({ caseCode, sex: 'female', name: 'Aminata Diarra', phone: '+223 76 12 34 56', caregiverContact: null });
    expect(d.reason).toBe('Besoin d’un hébergement sûr cette nuit.');
    expect(d.allowedEvents).toEqual(['accept', 'decline']);
    // The case file itself stays closed to the receiver.
    expect((await get(focal, `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect(detail.body).not.toContain('Kadiatou Keita');
    expect(detail.body).not.toContain('Nioro');
    const viewed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'referral.viewed'));
    expect(viewed.some((e) => e.targetIds.includes(referralId) && (e.data as { fields: string[] }).fields.includes('name'))).toBe(true);
    // The receiver's focal points were told, in words and a link only.
    const told = await t.database.db.select().from(notifications).where(eq(notifications.subjectId, referralId));
    expect(told.map((n) => [n.kind, n.link])).toEqual([['referral_received', `/referrals/${referralId}`]]);
    // The person's own copy of their record tells them who was sent what, and who opened it.
    const exported = (await get(identifier, `/api/cases/${caseId}/export.json?lang=fr`)).json() as { accessLog: { action: string; organisationId: string | null }[] };
    expect(exported.accessLog.filter((e) => e.action === 'referred').map((e) => e.organisationId)).toEqual([orgA]);
    expect(exported.accessLog.filter((e) => e.action === 'referral_viewed').map((e) => e.organisationId)).toEqual([orgB]);
  });

  it('keeps the name out when the referrer did not ask to share it, and hides it the moment consent is withdrawn', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgB));
    const plain = await refer(t, identifier, caseId, shelter.serviceId);
    expect(plain.res.statusCode, plain.res.body).toBe(200);
    expect((await get(focal, `/api/referrals/${plain.referralId}`)).json().data).toMatchObject({ name: null, phone: null });

    const shared = await refer(t, identifier, caseId, shelter.serviceId, { shareIdentity: true });
    expect((await get(focal, `/api/referrals/${shared.referralId}`)).json().data.name).toBe('Aminata Diarra');
    const file = (await get(identifier, `/api/cases/${caseId}`)).json() as { consents: { id: string; layer: string }[] };
    const given = file.consents.find((c) => c.layer === 'disclosure')!;
    expect((await postCommand(t, identifier, 'consent.withdraw', uuidv4(), { caseId, consentId: given.id })).statusCode).toBe(200);
    const after = (await get(focal, `/api/referrals/${shared.referralId}`)).json();
    expect(after.data).toMatchObject({ name: null, phone: null });
  });

  it('refuses a referral consent does not cover, writing nothing; an allowed override goes without the name', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgC, 'legal_aid'));
    const before = (await t.database.db.select().from(referrals)).length;
    const refused = await refer(t, identifier, caseId, shelter.serviceId, { shareIdentity: true });
    expect(refused.res.statusCode).toBe(403);
    expect(refused.res.json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    // A frontline identifier may not override, even with a reason.
    const notAllowed = await refer(t, identifier, caseId, shelter.serviceId, { override: { reason: 'Danger immédiat cette nuit.' } });
    expect(notAllowed.res.json()).toMatchObject({ error: { code: 'CONSENT_REQUIRED' } });
    expect((await t.database.db.select().from(referrals)).length).toBe(before);

    const overridden = await refer(t, caseManager, caseId, shelter.serviceId, { shareIdentity: true, urgency: 'emergency', override: { reason: 'Enfant en danger immédiat cette nuit.' } });
    expect(overridden.res.statusCode, overridden.res.body).toBe(200);
    expect(overridden.res.json().result.basis).toBe('override');
    const seen = (await get(focal, `/api/referrals/${overridden.referralId}`)).json();
    expect(seen).toMatchObject({ basis: 'override', data: { name: null, phone: null } });
  });

  it('checks the service: it must exist, be active, offer the type asked for, at one of its places', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgB));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ serviceId: uuidv4() }, 'input.serviceId', 'unknown_service'],
      [{ serviceType: 'legal_aid' }, 'input.serviceType', 'service_type_not_offered'],
      [{ locationId: legal.locationId }, 'input.locationId', 'location_not_of_service'],
    ];
    for (const [overrides, path, code] of cases) {
      const { res } = await refer(t, identifier, caseId, (overrides.serviceId as string) ?? shelter.serviceId, overrides);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ path, code })]);
    }
  });

  it('runs the loop: accept, start, complete with an outcome the referrer reads; refuses what the state or the side does not allow', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgB));
    const { referralId } = await refer(t, identifier, caseId, shelter.serviceId);
    // The referrer cannot accept for the receiver; a stranger does not see the referral at all.
    expect((await step(t, identifier, 'accept', referralId)).statusCode).toBe(403);
    const hidden = await step(t, stranger, 'accept', referralId);
    expect(hidden.statusCode).toBe(404);
    expect((await get(stranger, `/api/referrals/${referralId}`)).statusCode).toBe(404);
    const denials = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'));
    expect(denials.filter((e) => e.targetIds.includes(referralId)).length).toBeGreaterThanOrEqual(2);
    // Declining needs a reason.
    const bare = await step(t, focal, 'decline', referralId);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details).toEqual([expect.objectContaining({ path: 'input.note', code: 'referral_note_required' })]);

    expect((await step(t, focal, 'accept', referralId)).json().result).toEqual({ referralId, state: 'accepted' });
    const again = await step(t, focal, 'accept', referralId);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'REFERRAL_TRANSITION_ILLEGAL', details: [{ code: 'referral_transition_illegal' }] } });
    expect((await step(t, focal, 'start', referralId)).json().result.state).toBe('in_progress');
    expect((await step(t, identifier, 'cancel', referralId, { note: 'Trop tard' })).statusCode).toBe(409);
    const done = await step(t, focal, 'complete', referralId, { note: 'Hébergée 5 nuits, puis retour en famille.' });
    expect(done.json().result.state).toBe('completed');

    const sent = (await get(identifier, `/api/referrals/sent?view=closed&caseId=${caseId}`)).json();
    expect(sent.items.map((i: { id: string; state: string }) => [i.id, i.state])).toEqual([[referralId, 'completed']]);
    const back = (await get(identifier, `/api/referrals/${referralId}`)).json();
    expect(back.side).toBe('referrer');
    expect(back.events.map((e: { event: string; toState: string }) => `${e.event}:${e.toState}`)).toEqual(['create:sent', 'accept:accepted', 'start:in_progress', 'complete:completed']);
    expect(back.events.at(-1).note).toBe('Hébergée 5 nuits, puis retour en famille.');
    expect(back.allowedEvents).toEqual([]);
    // The referrer's people were told of each answer.
    const told = await t.database.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.subjectId, referralId));
    expect(told.map((n) => n.kind).sort()).toEqual(expect.arrayContaining(['referral_accepted', 'referral_completed', 'referral_started']));
    // The note is stored encrypted.
    const rows = await t.database.db.select().from(referralEvents).where(and(eq(referralEvents.referralId, referralId), eq(referralEvents.event, 'complete')));
    expect(rows[0]!.note).not.toContain('Hébergée');
  });

  it('applies a retried create once', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgB));
    const input = { referralId: uuidv4(), caseId, serviceId: shelter.serviceId, serviceType: 'shelter', urgency: 'normal', reason: 'Suivi psychosocial.' };
    const commandId = uuidv4();
    const first = await postCommand(t, identifier, 'referral.create', commandId, input);
    const second = await postCommand(t, identifier, 'referral.create', commandId, input);
    expect([first.json().status, second.json().status]).toEqual(['applied', 'replayed']);
    expect(second.json().result.referenceCode).toBe(first.json().result.referenceCode);
    expect((await t.database.db.select().from(referrals).where(eq(referrals.id, input.referralId))).length).toBe(1);
  });

  it('records the outcome a partner on paper sent back, and only for a paper referral', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgC, 'legal_aid'));
    const { referralId } = await refer(t, identifier, caseId, legal.serviceId, { serviceType: 'legal_aid', onPaper: true });
    const missing = await step(t, identifier, 'record_paper_outcome', referralId);
    expect(missing.json().error.details).toEqual([expect.objectContaining({ code: 'referral_outcome_required' })]);
    expect((await get(identifier, `/api/referrals/${referralId}`)).json().allowedEvents).toEqual(['cancel', 'record_paper_outcome']);
    const recorded = await step(t, identifier, 'record_paper_outcome', referralId, { outcome: 'completed', note: 'Fiche retour reçue le 12.' });
    expect(recorded.json().result.state).toBe('completed');
    expect((await get(focalC, `/api/referrals/${referralId}`)).json().referral.state).toBe('completed');

    const online = await refer(t, identifier, caseId, legal.serviceId, { serviceType: 'legal_aid' });
    expect((await get(identifier, `/api/referrals/${online.referralId}`)).json().allowedEvents).toEqual(['cancel']);
    const refused = await step(t, identifier, 'record_paper_outcome', online.referralId, { outcome: 'completed' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ code: 'referral_not_on_paper' })]);
  });

  it('prints the paper form for the referrer only, with the minimal data set, audited', async () => {
    const { caseId, caseCode } = await registerCase(t, identifier, withConsentTo(orgC, 'legal_aid'));
    const { referralId } = await refer(t, identifier, caseId, legal.serviceId, { serviceType: 'legal_aid', onPaper: true });
    const pdf = await get(identifier, `/api/referrals/${referralId}/form.pdf?lang=bm`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { extractText } = await import('unpdf');
    const { text } = await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true });
    expect(text).toContain(caseCode);
    expect(text).not.toContain('Diarra');
    expect(text).not.toContain('Nioro');
    expect((await get(focalC, `/api/referrals/${referralId}/form.pdf`)).statusCode).toBe(404);
    const printed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'referral.form_printed'));
    expect(printed.some((e) => e.targetIds.includes(referralId) && (e.data as { locale: string }).locale === 'bm')).toBe(true);
  });

  it('tells whether consent covers an organisation before sending', async () => {
    const { caseId } = await registerCase(t, identifier, withConsentTo(orgB));
    const yes = await get(identifier, `/api/cases/${caseId}/consent-check?organisationId=${orgB}&serviceType=shelter`);
    expect(yes.json()).toEqual({ covered: true });
    expect((await get(identifier, `/api/cases/${caseId}/consent-check?organisationId=${orgC}&serviceType=shelter`)).json()).toEqual({ covered: false });
    expect((await get(focal, `/api/cases/${caseId}/consent-check?organisationId=${orgB}`)).statusCode).toBe(404);
  });
});
