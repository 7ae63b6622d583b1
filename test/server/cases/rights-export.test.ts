import { eq } from 'drizzle-orm';
import { extractText } from 'unpdf';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize, questions } from '../../../src/domain/forms/definition.ts';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { vulnerabilityForm } from '../../../src/domain/screening/forms/vulnerability.ts';
import type { PersonExport } from '../../../src/server/cases/rights/export-json.ts';
import { auditEvents, organisations } from '../../../src/server/db/schema/index.ts';
import { builtinFormId } from '../../../src/server/forms/builtin.ts';
import { BACKEND } from '../../support/database.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { consent, registerCase } from '../../support/cases.ts';
import { strandedWoman } from '../../domain/screening/examples.ts';

/** Text as a reader sees it: lines wrapped on the page joined again. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe(`a person's export of everything held on them, on ${BACKEND}`, () => {
  let t: TestApp;
  let manager: Session;
  let outsider: Session;
  let orgA: string;
  let orgB: { id: string; name: string };
  let person: Awaited<ReturnType<typeof registerCase>>;

  beforeAll(async () => {
    t = await createTestApp();
    await systemCommand(t, 'form.seed_builtin', {});
    const a = await createOrganisationAndUser(t, ['case_manager']);
    const b = await createOrganisationAndUser(t, ['case_manager']);
    orgA = a.organisationId;
    const [named] = await t.database.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, b.organisationId));
    orgB = { id: b.organisationId, name: named!.name };
    manager = await login(t, a.email);
    outsider = await login(t, b.email);
    person = await registerCase(t, manager, {
      identity: { givenName: 'Fatoumata', familyName: 'Konaté', aliases: ['Fanta'], documents: [{ type: 'passport', number: 'AA1234567' }] },
      consents: [consent(), consent({ layer: 'disclosure', organisationId: orgB.id })],
      screening: [{ formId: builtinFormId(SCREENING_FORM_KEYS.vulnerability), version: 1, answers: strandedWoman }],
    });
    const disclosed = await postCommand(t, manager, 'case.disclose', uuidv4(), { caseId: person.caseId, toOrganisationId: orgB.id, fields: ['caseCode', 'name', 'phone'] });
    expect(disclosed.statusCode, disclosed.body).toBe(200);
    const viewed = await t.app.inject({ method: 'GET', url: `/api/cases/${person.caseId}`, headers: { cookie: manager.cookie } });
    expect(viewed.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (session: Session, path: string) => t.app.inject({ method: 'GET', url: path, headers: { cookie: session.cookie } });

  it('answers another organisation as if the case did not exist, and audits the attempt', async () => {
    for (const format of ['json', 'pdf']) {
      const res = await get(outsider, `/api/cases/${person.caseId}/export.${format}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Fatoumata');
    }
    const missing = await get(manager, `/api/cases/${uuidv4()}/export.json`);
    expect(missing.statusCode).toBe(404);
    const denied = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'access.denied'))).filter((e) => e.targetIds.includes(person.caseId));
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ actorOrganisationId: orgB.id, data: { action: 'case.read' } });
  });

  it('gives the whole file as JSON in the person’s language: identity, consents, labelled screening answers, disclosures, access log', async () => {
    const res = await get(manager, `/api/cases/${person.caseId}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${person.caseCode}.json"`);
    const data = res.json() as PersonExport;
    // The case's preferred language is Bambara and nobody asked for another.
    expect(data.language).toBe('bm');
    expect(data.case).toMatchObject({ caseCode: person.caseCode, organisationId: orgA, status: 'open', regionName: 'Kayes' });
    expect(data.case.labels.category).toBe(translate('bm', `cases.category.${person.category}`));
    expect(data.case.labels.riskLevel).toBe(translate('bm', `cases.risk.${person.riskLevel}`));
    expect(data.identity).toMatchObject({ givenName: 'Fatoumata', familyName: 'Konaté', aliases: ['Fanta'], phone: '+223 76 12 34 56', documents: [{ type: 'passport', number: 'AA1234567' }] });
    expect(data.consents.map((c) => [c.layer, c.decision, c.organisationName])).toEqual([
      ['services', 'granted', null],
      ['disclosure', 'granted', orgB.name],
    ]);
    expect(data.consents[1]!.labels.layer).toBe(translate('bm', 'personExport.layer.disclosure'));

    expect(data.screenings).toHaveLength(1);
    const situation = questions(vulnerabilityForm).find((q) => q.name === 'migration_situation')!;
    const stranded = vulnerabilityForm.choices[situation.listName!]!.find((c) => c.name === 'stranded')!;
    expect(data.screenings[0]!.title).toBe(vulnerabilityForm.title.bm);
    expect(data.screenings[0]!.answers).toMatchObject({ migration_situation: 'stranded' });
    expect(data.screenings[0]!.questions).toContainEqual({ name: 'migration_situation', question: localize(situation.label, 'bm', 'fr'), answer: stranded.label.bm });

    expect(data.disclosures).toHaveLength(1);
    expect(data.disclosures[0]).toMatchObject({ toOrganisationId: orgB.id, toOrganisationName: orgB.name, fields: ['caseCode', 'name', 'phone'], basis: 'consent' });

    const log = data.accessLog.map((e) => [e.action, e.organisationName]);
    expect(log).toEqual(
      expect.arrayContaining([
        ['registered', expect.any(String)],
        ['disclosed', expect.any(String)],
        ['viewed', expect.any(String)],
        ['access_denied', orgB.name],
        ['exported', expect.any(String)],
      ]),
    );
    // Which organisation acted, never which person.
    expect(JSON.stringify(data.accessLog)).not.toMatch(/userId|Awa Test/);
  });

  it('uses the language asked for, else the person’s, else the caller’s', async () => {
    const en = (await get(manager, `/api/cases/${person.caseId}/export.json?lang=en`)).json() as PersonExport;
    expect(en.language).toBe('en');
    expect(en.consents[0]!.labels.layer).toBe(translate('en', 'personExport.layer.services'));
    const fulfulde = await registerCase(t, manager, { identity: { givenName: 'Hawa' }, stats: { preferredLanguage: 'ff' } });
    expect(((await get(manager, `/api/cases/${fulfulde.caseId}/export.json`)).json() as PersonExport).language).toBe('fr');
    expect((await get(manager, `/api/cases/${fulfulde.caseId}/export.json?lang=xx`)).statusCode).toBe(400);
  });

  it('prints the same content as an A4 document whose Bambara letters survive', async () => {
    const res = await get(manager, `/api/cases/${person.caseId}/export.pdf?lang=bm`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${person.caseCode}.pdf"`);
    const { text } = await extractText(new Uint8Array(res.rawPayload), { mergePages: true });
    const page = flat(text);
    expect(page).toContain(person.caseCode);
    expect(page).toContain('Fatoumata');
    expect(page).toContain('Konaté');
    expect(page).toContain(translate('bm', 'personExport.title'));
    expect(page).toContain(translate('bm', 'personExport.section.accessLog'));
    expect(page).toContain(translate('bm', `cases.category.${person.category}`));
    expect(page).toContain(orgB.name);
    const situation = questions(vulnerabilityForm).find((q) => q.name === 'migration_situation')!;
    expect(page).toContain(flat(localize(situation.label, 'bm', 'fr')!));

    const fr = flat((await extractText(new Uint8Array((await get(manager, `/api/cases/${person.caseId}/export.pdf?lang=fr`)).rawPayload), { mergePages: true })).text);
    expect(fr).toContain(translate('fr', 'personExport.title'));
    expect(fr).toContain(localize(situation.label, 'fr', 'fr')!.replace(/\s+/g, ' '));
  });

  it('audits every export as a read of the case for the person', async () => {
    const before = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'case.viewed'))).filter((e) => e.targetIds.includes(person.caseId));
    await get(manager, `/api/cases/${person.caseId}/export.json`);
    await get(manager, `/api/cases/${person.caseId}/export.pdf`);
    const after = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.type, 'case.viewed'))).filter((e) => e.targetIds.includes(person.caseId));
    const exports = after.filter((e) => (e.data as { purpose: string }).purpose === 'rights_export');
    expect(after.length - before.length).toBe(2);
    expect(exports.at(-1)).toMatchObject({ actorOrganisationId: orgA, targetType: 'case' });
  });
});
