import { sql } from 'drizzle-orm';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/rows.ts';
import { importXlsForm } from '../../src/server/forms/xlsform-import.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand } from '../support/app.ts';
import { BACKEND } from '../support/database.ts';
import { tinyDefinition } from './access-fixture.ts';
import { buildXlsForm } from '../fixtures/xlsforms/build.ts';
import { householdRepeats, knowledgeTest } from '../fixtures/xlsforms/forms.ts';

describe(`forms over HTTP (${BACKEND})`, () => {
  let t: TestApp;
  let coordinator: Session;
  let frontline: Session;
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload });
  const count = async (table: string) => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    frontline = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports a workbook through the API, stores it as a command, versions and publishes it', async () => {
    const file = Buffer.from(await buildXlsForm(householdRepeats)).toString('base64');
    const preview = await post(coordinator, '/api/forms/xlsform', { file, fileName: 'menage.xlsx' });
    expect(preview.statusCode).toBe(200);
    const { definition, questionCount } = preview.json() as { definition: { formId: string; children: object[] }; questionCount: number };
    expect(questionCount).toBe(4);
    expect(await count('forms')).toBe(0); // previewing stores nothing

    const formId = uuidv4();
    expect((await postCommand(t, coordinator, 'form.create', uuidv4(), { formId, definition })).json()).toMatchObject({ status: 'applied', result: { formId, version: 1 } });
    const consent = { kind: 'question', name: 'consent', type: 'acknowledge', label: { fr: 'Consentement' }, required: true };
    const v2 = { ...definition, title: { fr: 'Ménage (v2)' }, children: [...definition.children, consent] };
    const second = await postCommand(t, coordinator, 'form.add_version', uuidv4(), { formId, definition: v2 });
    expect(second.json()).toMatchObject({ result: { formId, version: 2 } });
    expect((await postCommand(t, coordinator, 'form.publish_version', uuidv4(), { formId, version: 1 })).statusCode).toBe(200);
    expect((await postCommand(t, coordinator, 'form.publish_version', uuidv4(), { formId, version: 2 })).statusCode).toBe(200);

    const detail = (await get(frontline, `/api/forms/${formId}`)).json() as { title: unknown; publishedVersion: number; versions: { version: number; status: string }[] };
    expect(detail.publishedVersion).toBe(2);
    expect(detail.title).toEqual({ fr: 'Ménage (v2)' });
    expect(detail.versions.map((v) => `${v.version}:${v.status}`)).toEqual(['1:retired', '2:published']);
    // The first version is still there, unchanged: answers collected with it still validate against it.
    const v1 = (await get(frontline, `/api/forms/${formId}/versions/1`)).json() as { definition: unknown };
    expect(v1.definition).toEqual(definition);
    const answers = { household_size: 1, members: [{ member_age: 30 }] };
    const validate = async (version: number) => (await post(frontline, `/api/forms/${formId}/versions/${version}/validate`, { answers })).json() as { valid: boolean };
    expect((await validate(1)).valid).toBe(true);
    expect((await validate(2)).valid).toBe(false); // v2 asks for consent; v1 answers stay valid against v1
    // The household size fixes how many members are described.
    const short = (await post(frontline, `/api/forms/${formId}/versions/1/validate`, { answers: { household_size: 2, members: [{ member_age: 30 }] } })).json();
    expect(short).toMatchObject({ valid: false, repeatCounts: { members: 2 }, issues: [{ path: 'members', code: 'repeat_count' }] });
    expect(((await get(frontline, '/api/forms')).json() as { items: { id: string }[] }).items.map((f) => f.id)).toContain(formId);
  });

  it('validates answers with the shared domain code and scores them', async () => {
    const result = await importXlsForm(await buildXlsForm(knowledgeTest));
    if (!result.ok) throw new Error('fixture');
    const formId = uuidv4();
    await postCommand(t, coordinator, 'form.create', uuidv4(), { formId, definition: result.form });
    const check = async (answers: object) => (await post(frontline, `/api/forms/${formId}/versions/1/validate`, { answers })).json();
    expect(await check({ phase: 'pre', q_consent: 'true', q_share: 'true', q_child: 'true', q_indicators: ['documents', 'debt'] })).toMatchObject({ valid: true, issues: [], score: { total: 5, max: 6 } });
    expect(await check({ phase: 'pre', q_consent: 'maybe' })).toMatchObject({
      valid: false,
      issues: [
        { path: 'q_consent', code: 'invalid_choice' },
        { path: 'q_share', code: 'required' },
        { path: 'q_child', code: 'required' },
      ],
    });
    expect((await get(frontline, `/api/forms/${formId}/versions/9`)).statusCode).toBe(404);
  });

  it('exports a stored version back to XLSForm that imports to the same definition', async () => {
    const formId = uuidv4();
    const definition = tinyDefinition();
    await postCommand(t, coordinator, 'form.create', uuidv4(), { formId, definition });
    const res = await get(frontline, `/api/forms/${formId}/versions/1/xlsform`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(await importXlsForm(res.rawPayload)).toMatchObject({ ok: true, form: definition });
  });

  it('refuses broken expressions and duplicate form ids, and writes nothing', async () => {
    const before = await count('form_versions');
    const broken = { ...tinyDefinition(), children: [{ kind: 'question', name: 'a', type: 'integer', label: { fr: 'A' }, relevant: '${nope} > 1' }] };
    const res = await postCommand(t, coordinator, 'form.create', uuidv4(), { formId: uuidv4(), definition: broken });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ path: 'input.definition.children.0.relevant', code: 'form_unknown_reference' }] } });
    const definition = tinyDefinition();
    await postCommand(t, coordinator, 'form.create', uuidv4(), { formId: uuidv4(), definition });
    expect((await postCommand(t, coordinator, 'form.create', uuidv4(), { formId: uuidv4(), definition })).json()).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await count('form_versions')).toBe(before + 1);
  });

  it('answers an XLSForm with problems with each location and message in the user’s language', async () => {
    const file = Buffer.from(await buildXlsForm({ survey: [{ type: 'range', name: 'r', label: 'R' }], choices: [], settings: [] })).toString('base64');
    const res = await t.app.inject({ method: 'POST', url: '/api/forms/xlsform?lang=en', headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf }, payload: { file } });
    expect(res.json()).toEqual({
      ok: false,
      warnings: [],
      problems: [{ sheet: 'survey', row: 2, column: 'type', cell: 'A2', code: 'unsupported_type', params: { type: 'range' }, location: 'Sheet "survey", row 2, column "type" (A2)', message: 'Question type not supported: range.' }],
    });
    expect((await post(frontline, '/api/forms/xlsform', { file })).statusCode).toBe(403);
  });
});
