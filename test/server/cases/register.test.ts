import { eq } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseCaseCode } from '../../../src/domain/cases/case-code.ts';
import { auditEvents, cases, commandLog, consents } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand } from '../../support/app.ts';
import { consent, registerCase, registrationInput } from '../../support/cases.ts';
import { TINY_PNG } from '../access/requests.ts';

describe(`case registration on ${BACKEND}`, () => {
  let t: TestApp;
  let identifier: Session;
  let org: { organisationId: string; userId: string };
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrganisationAndUser(t, ['frontline_identifier']);
    identifier = await login(t, (org as { email: string } & typeof org).email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives a case code with region, year, sequence and a check digit, and keeps identity encrypted', async () => {
    const first = await registerCase(t, identifier);
    const second = await registerCase(t, identifier);
    const year = new Date().getUTCFullYear();
    expect(first.caseCode).toMatch(new RegExp(`^ML-KAY-${year}-\\d{6}-\\d$`));
    expect(normaliseCaseCode(first.caseCode)).toBe(first.caseCode);
    expect(Number(second.caseCode.split('-')[3])).toBe(Number(first.caseCode.split('-')[3]) + 1);

    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, first.caseId));
    expect(row).toMatchObject({ organisationId: org.organisationId, sex: 'female', nationality: 'ML', regionPcode: 'ML01', ageBand: '25-59', status: 'open' });
    expect(row!.identity).toMatch(/^d1\./);
    expect(row!.identity).not.toContain('Aminata');
    expect(row!.dataKey).toMatch(/^v1\./);

    const file = await t.app.inject({ method: 'GET', url: `/api/cases/${first.caseId}`, headers: { cookie: identifier.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ caseCode: first.caseCode, identity: { givenName: 'Aminata', familyName: 'Diarra', phone: '+223 76 12 34 56' }, consents: [{ layer: 'services', decision: 'granted' }] });
    const viewed = await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'case.viewed'));
    expect(viewed.some((e) => e.targetIds.includes(first.caseId))).toBe(true);
  });

  it('finds a case by its code, its phone number in any format, or a document number, and lists no identity', async () => {
    const { caseId, caseCode } = await registerCase(t, identifier, { identity: { phone: '0022365000111' } });
    const byCode = await t.app.inject({ method: 'GET', url: `/api/cases?q=${caseCode.toLowerCase()}`, headers: { cookie: identifier.cookie } });
    expect((byCode.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([caseId]);
    const byPhone = await t.app.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent('+223 65 00 01 11')}`, headers: { cookie: identifier.cookie } });
    expect((byPhone.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([caseId]);
    expect(byPhone.body).not.toContain('Aminata');
    const { caseId: withPassport } = await registerCase(t, identifier, { identity: { documents: [{ type: 'passport', number: 'AB 123-456' }] } });
    const byDocument = await t.app.inject({ method: 'GET', url: '/api/cases?q=ab123456', headers: { cookie: identifier.cookie } });
    expect((byDocument.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([withPassport]);
    // A wrong check digit finds nothing.
    const wrong = caseCode.slice(0, -1) + String((Number(caseCode.slice(-1)) + 1) % 10);
    const none = await t.app.inject({ method: 'GET', url: `/api/cases?q=${wrong}`, headers: { cookie: identifier.cookie } });
    expect((none.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses, changing nothing, without consent to services or with an unknown region', async () => {
    const before = (await t.database.db.select().from(cases)).length;
    const refused = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ consents: [consent({ decision: 'refused' })] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.consents', code: 'consent_services_required' }] } });
    const region = await postCommand(t, identifier, 'case.register', uuidv4(), registrationInput({ regionPcode: 'ML99' }));
    expect(region.json()).toMatchObject({ error: { details: [{ path: 'input.regionPcode', code: 'unknown_region' }] } });
    expect((await t.database.db.select().from(cases)).length).toBe(before);
  });

  it('applies a replayed registration once and keeps no personal data in the command log', async () => {
    const id = uuidv4();
    const input = registrationInput({ identity: { givenName: 'Oumou' } });
    const a = await postCommand(t, identifier, 'case.register', id, input);
    const b = await postCommand(t, identifier, 'case.register', id, input);
    expect(a.statusCode).toBe(200);
    expect((b.json() as { result: unknown }).result).toEqual((a.json() as { result: unknown }).result);
    expect((b.json() as { status: string }).status).toBe('replayed');
    const [logged] = await t.database.db.select().from(commandLog).where(eq(commandLog.id, id));
    expect(JSON.stringify(logged)).not.toContain('Oumou');
    expect((await t.database.db.select().from(consents).where(eq(consents.caseId, input.caseId))).length).toBe(1);
  });

  it('treats a person whose age is uncertain as a child', async () => {
    const res = await postCommand(
      t,
      identifier,
      'case.register',
      uuidv4(),
      registrationInput({ identity: { dateOfBirth: undefined, ageUncertain: true }, consents: [consent({ givenBy: 'caseworker_best_interests', childAssent: 'given' })] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, (res.json() as { result: { caseId: string } }).result.caseId));
    expect(row!.isChild).toBe(true);
  });

  it('keeps a photo encrypted, serves it audited, and refuses a file that is not the image it claims', async () => {
    const { caseId } = await registerCase(t, identifier);
    const png = Buffer.from(TINY_PNG, 'base64');
    const set = await postCommand(t, identifier, 'case.set_photo', uuidv4(), { caseId, photo: { contentType: 'image/png', data: TINY_PNG } });
    expect(set.json()).toMatchObject({ result: { hasPhoto: true } });
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.photo).toMatch(/^d1\./);
    expect(row!.photo).not.toContain(TINY_PNG.slice(0, 20));
    const photo = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/photo`, headers: { cookie: identifier.cookie } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(png)).toBe(true);
    const notPng = await postCommand(t, identifier, 'case.set_photo', uuidv4(), { caseId, photo: { contentType: 'image/png', data: Buffer.from('not an image at all').toString('base64') } });
    expect(notPng.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.photo.data', code: 'photo_not_image' }] } });
    expect((await postCommand(t, identifier, 'case.set_photo', uuidv4(), { caseId, photo: null })).json()).toMatchObject({ result: { hasPhoto: false } });
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/photo`, headers: { cookie: identifier.cookie } })).statusCode).toBe(404);
  });
});
