import { eq, sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../src/server/db/rows.ts';
import { caseLinkRequests, cases } from '../../../src/server/db/schema/index.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, TEST_PASSWORD, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { registerCase, registrationInput } from '../../support/cases.ts';
import { DUPLICATE_CHECKS_PER_MINUTE } from '../../../src/server/cases/routes.ts';

type Candidate = { heldBy: 'own'; caseId: string; caseCode: string; likely: boolean } | { heldBy: 'other'; organisationId: string; organisationName: string; likely: boolean; token: string };

/**
 * Duplicate detection at registration: the same person is found across spellings and
 * organisations, another organisation's record is named only by its holder, and the
 * database holds blocking keys as HMACs, never a name.
 */
describe(`duplicate check at registration on ${BACKEND}`, () => {
  let t: TestApp;
  let identifierA: Session;
  let identifierA2: Session;
  let identifierB: Session;
  let coordinator: Session;
  let orgB: { organisationId: string };
  let fatoumata: { caseId: string; caseCode: string };
  const fatoumataInB = { identity: { givenName: 'Fatoumata', familyName: 'Traoré', dateOfBirth: '2001-03-05', phone: '+223 70 11 22 33', motherName: 'Awa Diallo', placeOfOrigin: 'Kayes' } };
  const fantaInA = { identity: { givenName: 'Fanta', familyName: 'Traore', dateOfBirth: '2001', phone: '0022370112233', motherName: 'Awa Diallo', placeOfOrigin: undefined } };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createOrganisationAndUser(t, ['frontline_identifier']);
    identifierA = await login(t, a.email);
    const a2Email = `a2-${uuidv4().slice(0, 8)}@example.org`;
    await systemCommand(t, 'user.create', { userId: uuidv4(), email: a2Email, displayName: 'Second Identifier', password: TEST_PASSWORD, organisationId: a.organisationId, roles: ['frontline_identifier'] });
    identifierA2 = await login(t, a2Email);
    const b = await createOrganisationAndUser(t, ['frontline_identifier']);
    orgB = b;
    identifierB = await login(t, b.email);
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    fatoumata = await registerCase(t, identifierB, fatoumataInB);
  });
  afterAll(async () => {
    await t.close();
  });

  const check = async (session: Session, overrides: Parameters<typeof registrationInput>[0]) => {
    const { identity, stats } = registrationInput(overrides);
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { identity, stats: { sex: stats.sex, nationality: stats.nationality } } });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, candidates: (res.json() as { candidates: Candidate[] }).candidates };
  };

  it('names only the organisation that holds a likely match elsewhere, across spellings and phone formats', async () => {
    const { body, candidates } = await check(identifierA, fantaInA);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ heldBy: 'other', organisationId: orgB.organisationId, likely: true });
    expect(body).not.toContain(fatoumata.caseCode);
    expect(body).not.toContain(fatoumata.caseId);
    expect(body).not.toContain('Fatoumata');
    expect(body).not.toContain('Kayes');
  });

  it('shows the identifier’s own organisation’s match by its case code', async () => {
    const { candidates } = await check(identifierB, fantaInA);
    expect(candidates).toEqual([{ heldBy: 'own', caseId: fatoumata.caseId, caseCode: fatoumata.caseCode, likely: true }]);
  });

  it('keeps two different people with a common name apart', async () => {
    await registerCase(t, identifierB, { identity: { givenName: 'Moussa', familyName: 'Traoré', dateOfBirth: '1975-06-01', phone: '+223 66 00 00 01', motherName: 'Fanta Sangaré', placeOfOrigin: 'Ségou' }, stats: { sex: 'male' } });
    const { candidates } = await check(identifierA, { identity: { givenName: 'Moussa', familyName: 'Traore', dateOfBirth: '1992-11-20', phone: '+223 79 99 99 98', motherName: 'Bintou Coulibaly', placeOfOrigin: 'Sikasso' }, stats: { sex: 'male' } });
    expect(candidates.filter((c) => c.likely)).toEqual([]);
  });

  it('keeps no name in clear: blocking keys and name counts are HMACs', async () => {
    const rows = await queryRows<{ v: string }>(t.database.db, sql`select kind || ':' || hmac as v from case_blind_indexes union all select kind || ':' || hmac from dedupe_name_counts`);
    expect(rows.length).toBeGreaterThan(10);
    for (const { v } of rows) expect(v.toLowerCase()).not.toMatch(/traor|fatou|fanta|moussa|diallo|kayes|70112233/);
  });

  it('lets the identifier ask the coordinator to link, and the coordinator merge, keeping both cases', async () => {
    const { candidates } = await check(identifierA, fantaInA);
    const token = (candidates[0] as { token: string }).token;
    // The token is the identifier's own: a colleague cannot use it.
    const stolen = await postCommand(t, identifierA2, 'case.register', uuidv4(), registrationInput({ ...fantaInA, linkTo: [token] }));
    expect(stolen.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.linkTo.0', code: 'match_token_invalid' }] } });

    const mine = await registerCase(t, identifierA, { ...fantaInA, linkTo: [token] });
    const [request] = await t.database.db.select().from(caseLinkRequests).where(eq(caseLinkRequests.caseId, mine.caseId));
    expect(request).toMatchObject({ otherCaseId: fatoumata.caseId, status: 'pending' });

    // The identifier still cannot open the other organisation's case.
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${fatoumata.caseId}`, headers: { cookie: identifierA.cookie } })).statusCode).toBe(404);

    const compare = await t.app.inject({ method: 'GET', url: `/api/case-links/${request!.id}`, headers: { cookie: coordinator.cookie } });
    expect(compare.statusCode).toBe(200);
    expect(compare.json()).toMatchObject({ requestingCase: { identity: { givenName: 'Fanta' } }, otherCase: { identity: { givenName: 'Fatoumata' } } });

    const merge = await postCommand(t, coordinator, 'case.merge', uuidv4(), { linkRequestId: request!.id, keep: 'other' });
    expect(merge.statusCode, merge.body).toBe(200);
    const [merged] = await t.database.db.select().from(cases).where(eq(cases.id, mine.caseId));
    expect(merged).toMatchObject({ status: 'merged', mergedInto: fatoumata.caseId });
    const kept = (await t.app.inject({ method: 'GET', url: `/api/cases/${fatoumata.caseId}`, headers: { cookie: identifierB.cookie } })).json() as { mergedCases: { id: string }[] };
    expect(kept.mergedCases.map((m) => m.id)).toEqual([mine.caseId]);
    // A decided request cannot be decided again; the merged case no longer shows up in checks.
    expect((await postCommand(t, coordinator, 'case.dismiss_link', uuidv4(), { linkRequestId: request!.id })).statusCode).toBe(409);
    const after = await check(identifierB, fantaInA);
    expect(after.candidates.map((c) => (c.heldBy === 'own' ? c.caseId : c.organisationId))).toEqual([fatoumata.caseId]);
  });

  it('limits how often one person may check, so nobody can probe who is known where', async () => {
    const prober = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
    const probe = (session: Session) =>
      t.app.inject({ method: 'POST', url: '/api/cases/duplicate-check', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { identity: { givenName: 'Awa', familyName: 'Sow' }, stats: { sex: 'female' } } });
    const statuses: number[] = [];
    for (let i = 0; i < DUPLICATE_CHECKS_PER_MINUTE + 1; i++) statuses.push((await probe(prober)).statusCode);
    expect(statuses.slice(0, DUPLICATE_CHECKS_PER_MINUTE).every((s) => s === 200)).toBe(true);
    const refused = await probe(prober);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // Someone else is not held back by it.
    expect((await probe(identifierA2)).statusCode).toBe(200);
  });
});
