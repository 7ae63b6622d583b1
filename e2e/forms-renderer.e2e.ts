import type { Page } from 'playwright-core';
import { v4 as uuidv4 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../src/domain/forms/answers.ts';
import { type FormDefinition, localize, questions } from '../src/domain/forms/definition.ts';
import { evaluateForm } from '../src/domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../src/domain/forms/prune.ts';
import { type MessageKey, translate } from '../src/domain/i18n/translate.ts';
import { importXlsForm } from '../src/server/forms/xlsform-import.ts';
import { buildXlsForm } from '../test/fixtures/xlsforms/build.ts';
import { FIXTURES, type XlsFormFixture, childIdentification, householdRepeats, knowledgeTest, satisfactionSurvey, vulnerabilityScreening } from '../test/fixtures/xlsforms/forms.ts';
import { PHONE, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

interface Stored {
  id: string;
  definition: FormDefinition;
}
const stored = new Map<XlsFormFixture, Stored>();

/** What the five fixtures do not have: read-only with a default, a drop-down, a repeat the person sizes. */
const fieldVisits: XlsFormFixture = {
  file: 'field-visits.xlsx',
  survey: [
    { type: 'text', name: 'team', 'label::Français (fr)': 'Équipe', default: 'Équipe mobile', read_only: 'yes' },
    { type: 'select_one country', name: 'country', 'label::Français (fr)': 'Pays', appearance: 'minimal', required: 'yes' },
    { type: 'begin repeat', name: 'visits', 'label::Français (fr)': 'Visite' },
    { type: 'date', name: 'visit_date', 'label::Français (fr)': 'Date de la visite', required: 'yes' },
    { type: 'integer', name: 'visit_people', 'label::Français (fr)': 'Personnes rencontrées', default: '1', constraint: '. >= 1' },
    { type: 'end repeat' },
    { type: 'calculate', name: 'people_total', calculation: 'sum(${visit_people})' },
    { type: 'note', name: 'total_note', 'label::Français (fr)': 'Personnes rencontrées en tout : ${people_total}' },
  ],
  choices: [
    { list_name: 'country', name: 'ML', 'label::Français (fr)': 'Mali' },
    { list_name: 'country', name: 'BF', 'label::Français (fr)': 'Burkina Faso' },
  ],
  settings: [{ form_title: 'Visites de terrain', form_id: 'field_visits', default_language: 'Français (fr)' }],
};

interface Verdict {
  calculated: Record<string, string>;
  issues: { path: string; code: string; message?: Record<string, string> }[];
  relevant: Record<string, boolean>;
  score: { total: number; max: number; percentage: number | null };
}

/** The five fixture forms, imported as an administrator would (through the same commands). */
beforeAll(async () => {
  const { context, page } = await openApp(env.browser, env.server.url, PHONE);
  await signIn(page, env.server.admin);
  const me = (await (await context.request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string };
  for (const fixture of [...FIXTURES, fieldVisits]) {
    const imported = await importXlsForm(await buildXlsForm(fixture), 'fixture');
    if (!imported.ok) throw new Error(`${fixture.file} does not import`);
    const id = uuidv4();
    const answer = await context.request.post(`${env.server.url}/api/commands/form.create`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: uuidv4(), input: { formId: id, definition: imported.form } } });
    expect(answer.status()).toBe(200);
    stored.set(fixture, { id, definition: imported.form });
  }
  await context.close();
});

/** A frontline identifier fills forms; an administrator imports them. */
async function signIn(page: Page, who = env.server.user): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
}

async function openForm(fixture: XlsFormFixture): Promise<{ page: Page; close(): Promise<void>; form: Stored }> {
  const form = stored.get(fixture)!;
  const { context, page } = await openApp(env.browser, env.server.url, PHONE);
  await signIn(page);
  await page.goto(`${env.server.url}/forms/${form.id}/versions/1`);
  await page.getByRole('heading', { level: 1, name: localize(form.definition.title, 'fr', 'fr') }).waitFor();
  await page.locator('.form-fill').waitFor();
  return { page, form, close: () => context.close() };
}

const at = (page: Page, path: string) => page.locator(`.form-fill [data-path="${path}"]`);
const fill = (page: Page, path: string, value: string) => at(page, path).locator('input, textarea').first().fill(value);
const pick = (page: Page, path: string, name: string) => at(page, path).getByRole('radio', { name, exact: true }).check();
const tick = (page: Page, path: string, name: string) => at(page, path).getByRole('checkbox', { name, exact: true }).check();

/** What this person's browser keeps of the form being filled (IndexedDB). */
function draftRecords(page: Page): Promise<{ key: string; answers: Answers }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('sira-form-drafts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve([]);
          const all = db.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => resolve(all.result as { key: string; answers: Answers }[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/**
 * Checks the answers in the page, then compares what the browser shows with the server's
 * verdict on the same answers (read from the draft, pruned as the page sends them): the same
 * questions visible, the same message under each question.
 */
const rounds = new WeakMap<Page, number>();
async function compareWithServer(page: Page, form: Stored, language = 'fr'): Promise<Verdict> {
  const round = (rounds.get(page) ?? 0) + 1;
  rounds.set(page, round);
  await page.getByRole('button', { name: 'Vérifier les réponses' }).click();
  // The verdict of this check, not the one before.
  const panel = page.locator(`[data-round="${round}"]`);
  await panel.locator('[data-agree]').waitFor();
  expect(await panel.locator('[data-agree]').getAttribute('data-agree')).toBe('true');

  const [draft] = await draftRecords(page);
  if (!draft) throw new Error('no draft was saved');
  const answers = withoutIrrelevant(form.definition, draft.answers, evaluateForm(form.definition, draft.answers));
  const me = (await (await page.context().request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await page.context().request.post(`${env.server.url}/api/forms/${form.id}/versions/1/validate`, { headers: { 'x-csrf-token': me.csrfToken }, data: { answers } });
  expect(response.status()).toBe(200);
  const verdict = (await response.json()) as Verdict;

  const shownQuestions = new Set(questions(form.definition).filter((q) => q.type !== 'calculate').map((q) => q.name));
  const lastName = (path: string) => path.slice(path.lastIndexOf('.') + 1);
  const expectedVisible = Object.entries(verdict.relevant)
    .filter(([path, relevant]) => relevant && !path.endsWith(']') && shownQuestions.has(lastName(path)))
    .map(([path]) => path)
    .sort();
  const visible = (await page.$$eval('.form-fill .form-question[data-path]', (els) => els.map((e) => (e as HTMLElement).dataset.path!))).sort();
  expect(visible).toEqual(expectedVisible);

  const expectedErrors = verdict.issues.map((i) => [i.path, localize(i.message, language, form.definition.defaultLanguage) ?? translate('fr', `formFill.issue.${i.code}` as MessageKey)]).sort();
  const errors = (await page.$$eval('.form-fill .field-error[data-issue]', (els) => els.map((e) => [(e.closest('[data-path]') as HTMLElement).dataset.path!, e.textContent!.trim()]))).sort();
  expect(errors).toEqual(expectedErrors);
  return verdict;
}

describe('form renderer (phone)', () => {
  it('vulnerability screening: live messages, a filtered list, skip logic and a calculation agree with the server', async () => {
    const { page, form, close } = await openForm(vulnerabilityScreening);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // A message appears once the field is left, in the author's words; others wait for "check".
    await fill(page, 'age', '150');
    await page.keyboard.press('Tab');
    await at(page, 'age').getByText('Entre 0 et 110 ans').waitFor();
    expect(await at(page, 'sex').locator('.field-error').count()).toBe(0);
    // The region list follows the country.
    await pick(page, 'country', 'Mali');
    expect(await at(page, 'region').locator('label').allTextContents()).toEqual(['Kayes', 'Gao']);
    await pick(page, 'region', 'Gao');
    expect(await at(page, 'debt_amount').count()).toBe(0);
    await pick(page, 'documents_held', 'Non');
    await pick(page, 'debt', 'Oui');
    await fill(page, 'debt_amount', '0');
    await tick(page, 'needs', 'Nourriture');
    await tick(page, 'needs', 'Soins');
    await at(page, 'refer_note').getByText('Orienter vers un service de protection.').waitFor();
    const verdict = await compareWithServer(page, form);
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['age constraint', 'consent required', 'debt_amount constraint', 'sex required']);
    await saveScreenshot(page, 'form-checked-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Answering hides what no longer applies and clears its message.
    await pick(page, 'debt', 'Non');
    await fill(page, 'age', '30');
    await pick(page, 'sex', 'Femme');
    await compareWithServer(page, form);
    await close();
  });

  it('child identification: a group shown by an answer, a required follow-up, a place typed by hand', async () => {
    const { page, form, close } = await openForm(childIdentification);
    await fill(page, 'child_age', '20');
    await pick(page, 'accompanied', 'Oui');
    await pick(page, 'relation', 'Autre');
    await fill(page, 'location', '12.65');
    await at(page, 'photo').getByText('Les photos ne sont pas encore disponibles dans Sira.').waitFor();
    const verdict = await compareWithServer(page, form);
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['child_age constraint', 'interview_date required', 'location invalid_value', 'relation_other required']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await pick(page, 'accompanied', 'Non');
    await at(page, 'location').getByLabel('Longitude').fill('-8.0');
    await fill(page, 'interview_date', '2026-01-15');
    const after = await compareWithServer(page, form);
    expect(after.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['child_age constraint']);
    // Or the phone's own position, when the person allows it.
    await page.context().grantPermissions(['geolocation']);
    await page.context().setGeolocation({ latitude: 12.6392, longitude: -8.0029, accuracy: 12 });
    await at(page, 'location').getByRole('button', { name: 'Utiliser ma position' }).click();
    await page.waitForFunction(() => (document.getElementById('q-location-lat') as HTMLInputElement | null)?.value === '12.639200');
    expect(await at(page, 'location').getByLabel('Longitude').inputValue()).toBe('-8.002900');
    await compareWithServer(page, form);
    await close();
  });

  it('knowledge test: required answers and the same score in the browser and on the server', async () => {
    const { page, form, close } = await openForm(knowledgeTest);
    await pick(page, 'phase', 'Avant la formation');
    await pick(page, 'q_consent', 'Vrai');
    await pick(page, 'q_share', 'Vrai');
    await tick(page, 'q_indicators', 'Papiers confisqués');
    await tick(page, 'q_indicators', 'Dette de voyage');
    const verdict = await compareWithServer(page, form);
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['q_child required']);
    expect(verdict.score).toEqual({ total: 3, max: 6, percentage: 50 });
    const panel = page.getByRole('region', { name: 'Vérification' });
    await panel.getByText('Score (navigateur) : 3 sur 6 (50 %)').waitFor();
    await panel.getByText('Score (serveur) : 3 sur 6 (50 %)').waitFor();
    await close();
  });

  it('satisfaction survey: the form language is chosen apart from the interface language', async () => {
    const { page, form, close } = await openForm(satisfactionSurvey);
    await at(page, 'sat_welcome').getByText("J'ai été bien accueilli·e.").waitFor();
    await page.getByLabel('Langue du formulaire').selectOption('bm');
    await at(page, 'sat_welcome').getByText('N bisimillara ka ɲɛ.').waitFor();
    // The interface stays in French.
    await page.getByRole('button', { name: 'Vérifier les réponses' }).waitFor();
    await pick(page, 'sat_welcome', 'A di n ye');
    await fill(page, 'comment', 'Merci');
    const verdict = await compareWithServer(page, form, 'bm');
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['sat_clear required', 'sat_useful required']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await close();
  });

  it('household: repeat_count makes the instances, calculations reach a note, each member is checked', async () => {
    const { page, form, close } = await openForm(householdRepeats);
    await fill(page, 'household_size', '2');
    await at(page, 'members[1]').waitFor();
    // The count comes from the form: no add or remove buttons.
    expect(await page.getByRole('button', { name: /^Ajouter/ }).count()).toBe(0);
    await fill(page, 'members[0].member_age', '10');
    await at(page, 'members[0].member_school').waitFor();
    await fill(page, 'members[1].member_age', '200');
    await fill(page, 'monthly_income', '-5');
    await at(page, 'summary').getByText('Mineurs : 1').waitFor();
    const verdict = await compareWithServer(page, form);
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['members[1].member_age constraint', 'monthly_income constraint']);
    await saveScreenshot(page, 'form-repeats-phone');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await fill(page, 'household_size', '1');
    await at(page, 'members[1]').waitFor({ state: 'detached' });
    await compareWithServer(page, form);
    await close();
  });

  it('field visits: a read-only default, a drop-down, repeat instances added and removed', async () => {
    const { page, form, close } = await openForm(fieldVisits);
    const team = at(page, 'team').locator('input');
    expect(await team.inputValue()).toBe('Équipe mobile');
    expect(await team.getAttribute('readonly')).not.toBeNull();
    await at(page, 'country').getByLabel('Pays').selectOption('BF');
    await page.getByRole('button', { name: 'Ajouter : Visite' }).click();
    await page.getByRole('button', { name: 'Ajouter : Visite' }).click();
    await page.getByRole('button', { name: 'Ajouter : Visite' }).click();
    // New instances start with the defaults.
    expect(await at(page, 'visits[2].visit_people').locator('input').inputValue()).toBe('1');
    await fill(page, 'visits[0].visit_date', '2026-03-02');
    await fill(page, 'visits[0].visit_people', '4');
    await fill(page, 'visits[1].visit_people', '0');
    await page.getByRole('button', { name: 'Retirer Visite 3' }).click();
    await at(page, 'visits[2]').waitFor({ state: 'detached' });
    const verdict = await compareWithServer(page, form);
    expect(verdict.issues.map((i) => `${i.path} ${i.code}`).sort()).toEqual(['visits[1].visit_date required', 'visits[1].visit_people constraint']);
    // The calculation the note quotes is the server's too.
    expect(verdict.calculated.people_total).toBe('4');
    await at(page, 'total_note').getByText(`Personnes rencontrées en tout : ${verdict.calculated.people_total}`).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await close();
  });

  it('keeps a draft through a reload, per person, and discards it after a confirmation', async () => {
    const { page, close } = await openForm(vulnerabilityScreening);
    await fill(page, 'age', '34');
    await pick(page, 'sex', 'Femme');
    await page.getByText('Brouillon enregistré sur cet appareil.').waitFor();
    await page.waitForFunction(async () => {
      const records = await new Promise<{ answers: Record<string, unknown> }[]>((resolve) => {
        const open = indexedDB.open('sira-form-drafts');
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => resolve(all.result as { answers: Record<string, unknown> }[]);
        };
      });
      return records[0]?.answers.sex === 'female';
    });
    await page.reload();
    await page.getByText('Brouillon restauré : vos réponses précédentes ont été reprises.').waitFor();
    expect(await at(page, 'age').locator('input').inputValue()).toBe('34');
    expect(await at(page, 'sex').getByRole('radio', { name: 'Femme' }).isChecked()).toBe(true);
    const [record] = await draftRecords(page);
    const me = (await (await page.context().request.get(`${env.server.url}/api/auth/me`)).json()) as { id: string };
    expect(record?.key.startsWith(`${me.id}:`)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Effacer le brouillon' }).click();
    await page.getByRole('button', { name: 'Annuler' }).click();
    expect(await draftRecords(page)).toHaveLength(1);
    await page.getByRole('button', { name: 'Effacer le brouillon' }).click();
    await page.getByRole('button', { name: 'Oui, effacer' }).click();
    await page.getByText('Brouillon restauré', { exact: false }).waitFor({ state: 'detached' });
    expect(await at(page, 'age').locator('input').inputValue()).toBe('');
    expect(await draftRecords(page)).toEqual([]);
    await page.reload();
    await page.locator('.form-fill').waitFor();
    expect(await page.getByText('Brouillon restauré', { exact: false }).count()).toBe(0);
    await close();
  });
});
