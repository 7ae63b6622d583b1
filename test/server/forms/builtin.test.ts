import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_FORM_KEYS } from '../../../src/domain/activities/forms/index.ts';
import { BUILTIN_FORMS, SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { builtinFormId } from '../../../src/server/forms/builtin.ts';
import { exportXlsForm } from '../../../src/server/forms/xlsform-export.ts';
import { importXlsForm } from '../../../src/server/forms/xlsform-import.ts';
import { tinyDefinition } from '../../forms/access-fixture.ts';
import { type Session, type TestApp, createOrganisationAndUser, createTestApp, login, postCommand, systemCommand } from '../../support/app.ts';
import { BACKEND } from '../../support/database.ts';

interface FormListItem {
  id: string;
  formKey: string;
  latestVersion: number;
  publishedVersion: number | null;
}

describe(`built-in screening forms (${BACKEND})`, () => {
  let t: TestApp;
  let coordinator: Session;
  let frontline: Session;
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const listed = async () => ((await get(frontline, '/api/forms')).json() as { items: FormListItem[] }).items;
  const seed = async (s: Session) => postCommand(t, s, 'form.seed_builtin', uuidv4(), {});

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await login(t, (await createOrganisationAndUser(t, ['nrm_coordinator'])).email);
    frontline = await login(t, (await createOrganisationAndUser(t, ['frontline_identifier'])).email);
  });
  afterAll(async () => {
    await t.close();
  });

  it('is refused to a frontline identifier, who then finds nothing stored', async () => {
    expect((await seed(frontline)).statusCode).toBe(403);
    expect(await listed()).toEqual([]);
  });

  it('stores the three screening forms and the two activity questionnaires, published, which any member then reads by form key', async () => {
    const res = await seed(coordinator);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'applied', result: { inserted: 5 } });
    const forms = await listed();
    expect(forms.map((f) => f.formKey).sort()).toEqual([...Object.values(SCREENING_FORM_KEYS), ...Object.values(ACTIVITY_FORM_KEYS)].sort());
    for (const f of forms) expect(f).toMatchObject({ id: builtinFormId(f.formKey), latestVersion: 1, publishedVersion: 1 });
    for (const definition of BUILTIN_FORMS) {
      const version = (await get(frontline, `/api/forms/${builtinFormId(definition.formId)}/versions/1`)).json() as { status: string; definition: unknown };
      expect(version.status).toBe('published');
      expect(version.definition).toEqual(definition);
    }
  });

  it('inserts nothing on a second run, and keeps a coordinator’s later version', async () => {
    expect((await systemCommand(t, 'form.seed_builtin', {})).result).toEqual({ inserted: 0 });

    const formId = builtinFormId(SCREENING_FORM_KEYS.child);
    const v1 = ((await get(coordinator, `/api/forms/${formId}/versions/1`)).json() as { definition: { title: Record<string, string> } }).definition;
    const v2 = { ...v1, title: { ...v1.title, fr: 'Identification d’un enfant (Kayes)' } };
    expect((await postCommand(t, coordinator, 'form.add_version', uuidv4(), { formId, definition: v2 })).statusCode).toBe(200);
    expect((await postCommand(t, coordinator, 'form.publish_version', uuidv4(), { formId, version: 2 })).statusCode).toBe(200);

    expect((await seed(coordinator)).json()).toMatchObject({ result: { inserted: 0 } });
    const child = (await listed()).find((f) => f.formKey === SCREENING_FORM_KEYS.child)!;
    expect(child).toMatchObject({ latestVersion: 2, publishedVersion: 2 });
    const detail = (await get(frontline, `/api/forms/${formId}`)).json() as { title: Record<string, string>; versions: { version: number; status: string }[] };
    expect(detail.title.fr).toBe('Identification d’un enfant (Kayes)');
    expect(detail.versions.map((v) => `${v.version}:${v.status}`)).toEqual(['1:retired', '2:published']);
  });

  it('leaves alone a form a coordinator stored under a built-in key first', async () => {
    const other = await createTestApp();
    try {
      const ownId = uuidv4();
      await systemCommand(other, 'form.create', { formId: ownId, definition: tinyDefinition(SCREENING_FORM_KEYS.trafficking) });
      expect((await systemCommand(other, 'form.seed_builtin', {})).result).toEqual({ inserted: BUILTIN_FORMS.length - 1 });
      const admin = await login(other, (await createOrganisationAndUser(other, ['system_admin'])).email);
      const items = ((await other.app.inject({ method: 'GET', url: '/api/forms', headers: { cookie: admin.cookie } })).json() as { items: FormListItem[] }).items;
      expect(items.find((f) => f.formKey === SCREENING_FORM_KEYS.trafficking)).toMatchObject({ id: ownId, publishedVersion: null });
      expect(items).toHaveLength(BUILTIN_FORMS.length);
    } finally {
      await other.close();
    }
  });
});

describe('built-in screening forms as XLSForm', () => {
  it('go to Excel and come back unchanged, so a coordinator can reword one and import it as a new version', async () => {
    for (const definition of BUILTIN_FORMS) {
      const again = await importXlsForm(await exportXlsForm(definition));
      expect(again.ok, definition.formId).toBe(true);
      if (again.ok) expect(again.form, definition.formId).toEqual(definition);
    }
  });
});
