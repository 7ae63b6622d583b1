import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterKnowledgeTest, registerParticipant, rollCall } from './support/activity-screens.ts';
import { apiAs } from './support/api.ts';
import { MIN_TOUCH_PX, PHONE, height, openApp, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { expectFitsPhone, expectNoSeriousViolations } from './support/pages.ts';

const env = useE2eEnvironment();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** Intl puts narrow no-break spaces in "33,3 %": compare with plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

/** A scored knowledge test of three true/false questions, one point each (a stand-in for the shipped one). */
const FORM_KEY = 'e2e_activity_knowledge';
const QUESTIONS = [
  { name: 'q_referral', label: 'Le mécanisme oriente les victimes vers des services' },
  { name: 'q_consent', label: 'Le consentement peut être retiré' },
  { name: 'q_trafficking', label: 'La traite suppose une exploitation' },
];
const knowledgeForm = {
  formId: FORM_KEY,
  title: { fr: 'Test de connaissances (essai)' },
  languages: [{ code: 'fr', name: 'Français' }],
  defaultLanguage: 'fr',
  children: QUESTIONS.map((q) => ({ kind: 'question', name: q.name, type: 'select_one', listName: 'true_false', label: { fr: q.label }, required: true, scoring: { correct: ['true'], points: 1 } })),
  choices: { true_false: [{ name: 'true', label: { fr: 'Vrai' } }, { name: 'false', label: { fr: 'Faux' } }] },
};

/** A satisfaction survey: two items on five levels and a free text. */
const SATISFACTION_KEY = 'e2e_activity_satisfaction';
const SATISFACTION_ITEMS = [
  { name: 'sat_content', label: 'Le contenu vous a été utile' },
  { name: 'sat_facilitation', label: 'Les animateurs ont été clairs' },
];
const LEVEL_LABELS = ['Pas du tout', 'Peu', 'Moyennement', 'Beaucoup', 'Tout à fait'];
const satisfactionForm = {
  formId: SATISFACTION_KEY,
  title: { fr: 'Satisfaction (essai)' },
  languages: [{ code: 'fr', name: 'Français' }],
  defaultLanguage: 'fr',
  children: [
    ...SATISFACTION_ITEMS.map((q) => ({ kind: 'question', name: q.name, type: 'select_one', listName: 'levels', label: { fr: q.label }, required: true })),
    { kind: 'question', name: 'sat_comment', type: 'text', label: { fr: 'Une remarque ?' } },
  ],
  choices: { levels: LEVEL_LABELS.map((label, i) => ({ name: String(i + 1), label: { fr: label } })) },
};

let formsReady: Promise<void> | undefined;
/** The questionnaires, made once per server by an administrator through the form commands. */
function publishForms(): Promise<void> {
  formsReady ??= (async () => {
    const admin = await apiAs(env, env.server.admin);
    for (const definition of [knowledgeForm, satisfactionForm]) {
      const formId = randomUUID();
      await admin.command('form.create', { formId, definition });
      await admin.command('form.publish_version', { formId, version: 1 });
    }
    await admin.close();
  })();
  return formsReady;
}

interface Setup {
  title: string;
  days: number;
  mode: 'named' | 'anonymous';
  confirm: boolean;
}

/** An activity the officer planned (and confirmed) through the commands, starting today. */
async function setUp({ title, days, mode, confirm }: Setup): Promise<string> {
  await publishForms();
  const officer = await apiAs(env, env.server.officer);
  const today = new Date();
  const created = await officer.command<{ activityId: string; version: number }>('activity.create', {
    activity: {
      type: 'training',
      title,
      objectives: ['Connaître le mécanisme national de référencement'],
      audiences: ['community_leaders'],
      locationPcode: 'ML01',
      venue: 'Salle de la mairie, Kayes',
      startDate: isoDay(today),
      endDate: isoDay(new Date(today.getTime() + (days - 1) * DAY)),
      organiserOrganisationIds: [officer.organisationId],
    },
    attendanceMode: mode,
    knowledgeTestFormKey: FORM_KEY,
    satisfactionFormKey: SATISFACTION_KEY,
  });
  if (confirm) await officer.command('activity.confirm', { activityId: created.activityId, expectedVersion: created.version });
  await officer.close();
  return created.activityId;
}

async function officerPage(path: string, heading: string): Promise<Page> {
  const { page } = await openApp(env.browser, env.server.url, PHONE);
  await signInThroughForm(page, env.server.officer.email, env.server.officer.password);
  await page.getByRole('navigation').first().waitFor();
  await page.goto(`${env.server.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return page;
}

/** One test typed in: its kind, source, code as written, and the answers true/false per question. */
function enterTest(page: Page, entry: { kind: 'Test avant' | 'Test après'; source: 'En ligne' | 'Saisie depuis le papier'; code: string; answers: readonly boolean[]; score: number }) {
  const answers = QUESTIONS.map((q, i) => ({ question: q.label, choice: entry.answers[i] ? 'Vrai' : 'Faux' }));
  return enterKnowledgeTest(page, { ...entry, answers, score: `${entry.score} sur 3` });
}

describe('running an activity: attendance, evaluations, results', () => {
  it('the officer registers participants, calls the roll over two days, enters tests and reads the results', async () => {
    const activityId = await setUp({ title: 'Formation des leaders de Kayes', days: 2, mode: 'named', confirm: true });
    // Attendance, on a phone: three people registered, each gets a code to write on their tests.
    const page = await officerPage(`/activities/${activityId}/attendance`, 'Présences');
    await page.getByText('Formation des leaders de Kayes').waitFor();
    const codes = [
      await registerParticipant(page, { sex: 'Féminin', ageBand: '25 à 59 ans', category: 'Leaders communautaires', name: 'Mariam Diallo' }),
      await registerParticipant(page, { sex: 'Masculin', ageBand: '18 à 24 ans', category: 'Jeunes' }),
      await registerParticipant(page, { sex: 'Masculin', ageBand: '60 ans et plus', category: 'Leaders religieux' }),
    ];
    expect(new Set(codes).size).toBe(3);
    // The name was given with consent, and only that one.
    await page.locator(`li[data-code="${codes[0]}"]`).getByText('Mariam Diallo').waitFor();
    expect(await page.locator(`li[data-code="${codes[1]}"] .run-name`).count()).toBe(0);

    await rollCall(page, 1, codes);
    await rollCall(page, 2, codes.slice(0, 2));
    const totals = page.getByRole('region', { name: 'Totaux' });
    await expect.poll(async () => plain(await totals.getByTestId('attendance-overall').textContent())).toBe('3 participants distincts');
    await totals.getByText('Jour 1 : 3 présents').waitFor();
    await totals.getByText('Jour 2 : 2 présents').waitFor();
    // Mariam withdraws her consent to be named: her name is deleted, her code and days stay.
    const first = page.locator(`li[data-code="${codes[0]}"]`);
    await first.getByRole('button', { name: `Modifier le participant ${codes[0]}` }).click();
    const edit = first.getByRole('form', { name: `Modifier le participant ${codes[0]}` });
    await edit.getByLabel('La personne accepte que son nom soit noté').uncheck();
    await edit.getByText('Sans consentement, le nom enregistré sera effacé.').waitFor();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'detached' });
    await expect.poll(() => first.locator('.run-name').count()).toBe(0);
    await first.getByText('Présent les jours : 1, 2').waitFor();
    const bySex = totals.getByRole('table', { name: 'Par sexe' });
    expect(await bySex.getByRole('row', { name: /^Masculin/ }).getByRole('cell').allTextContents()).toEqual(['2', '2', '1']);
    // Big boxes for the roll call, big buttons, nothing to scroll sideways.
    for (const item of await page.locator('label.run-roll-item').all()) expect(await height(item)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    expect(await height(page.getByRole('button', { name: 'Inscrire' }))).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await page.getByRole('link', { name: 'Feuille de présence (PDF)' }).waitFor();
    await page.getByRole('link', { name: 'Modèle Excel' }).waitFor();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    // Evaluations: three tests before, two after; one typed from paper in lower case with spaces.
    await page.getByRole('link', { name: 'Évaluations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Évaluations' }).waitFor();
    await page.getByRole('group', { name: QUESTIONS[0]!.label }).waitFor();
    await expectNoSeriousViolations(page);
    await enterTest(page, { kind: 'Test avant', source: 'En ligne', code: codes[0]!, answers: [true, false, false], score: 1 });
    await enterTest(page, { kind: 'Test avant', source: 'En ligne', code: codes[1]!, answers: [true, true, false], score: 2 });
    await enterTest(page, { kind: 'Test avant', source: 'Saisie depuis le papier', code: codes[2]!, answers: [false, false, false], score: 0 });
    const sloppy = ` ${codes[0]!.toLowerCase().replace(/-/g, ' ')} `;
    await enterTest(page, { kind: 'Test après', source: 'Saisie depuis le papier', code: sloppy, answers: [true, true, true], score: 3 });
    await enterTest(page, { kind: 'Test après', source: 'En ligne', code: codes[1]!, answers: [true, true, false], score: 2 });
    // A code nobody was given is refused before anything is sent.
    const section = page.getByRole('region', { name: 'Saisir une évaluation' });
    await section.getByLabel('Code du participant').fill('P-0000-00');
    await section.getByRole('button', { name: 'Enregistrer' }).click();
    await section.locator('#evaluation-code-error').waitFor();
    const list = page.getByRole('region', { name: '5 saisies' });
    await list.waitFor();
    // The paper entry was stored under the code as issued.
    await list.locator('li', { hasText: 'Test après' }).filter({ hasText: codes[0]! }).getByText('Saisie depuis le papier').waitFor();
    await expectNoSeriousViolations(page);

    // Results: attendance as recorded, and the figures of the answers given above.
    await page.getByRole('link', { name: 'Résultats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Résultats' }).waitFor();
    const knowledge = page.getByRole('region', { name: 'Connaissances' });
    await knowledge.getByTestId('n-pre').waitFor();
    expect(plain(await page.getByTestId('attendance-overall').textContent())).toBe('3 participants distincts');
    await page.getByText('Jour 1 : 3 présents').waitFor();
    await page.getByText('Jour 2 : 2 présents').waitFor();
    expect(await knowledge.getByTestId('n-pre').textContent()).toBe('3');
    expect(await knowledge.getByTestId('n-post').textContent()).toBe('2');
    // Before: 1/3, 2/3, 0/3 → 33,3 %; after: 3/3, 2/3 → 83,3 %.
    expect(plain(await knowledge.getByTestId('mean-pre').textContent())).toBe('33,3 %');
    expect(plain(await knowledge.getByTestId('mean-post').textContent())).toBe('83,3 %');
    // Paired: the first (+66,7) and the second (0): +33,3 points on average, one better, one the same.
    expect(await knowledge.getByTestId('paired').textContent()).toBe('2');
    expect(plain(await knowledge.getByTestId('gain').textContent())).toBe('+33,3 points');
    expect([await knowledge.getByTestId('improved').textContent(), await knowledge.getByTestId('same').textContent(), await knowledge.getByTestId('worse').textContent()]).toEqual(['1', '1', '0']);
    // Per question: the first was right on 2 of 3 before and on both after.
    const perQuestion = knowledge.getByRole('table', { name: 'Réponses justes par question' });
    expect((await perQuestion.getByRole('row', { name: new RegExp(`^${QUESTIONS[0]!.label}`) }).getByRole('cell').allTextContents()).map(plain)).toEqual(['66,7 %', '100 %']);
    // The histogram's figures for screen readers: 0–9 % holds one test before, 90–100 % one after.
    const histogram = knowledge.getByRole('table', { name: 'Répartition des scores (en % du maximum)' });
    expect(await histogram.getByRole('row', { name: /^0 à 9 %/ }).getByRole('cell').allTextContents()).toEqual(['1', '0']);
    expect(await histogram.getByRole('row', { name: /^90 à 100 %/ }).getByRole('cell').allTextContents()).toEqual(['0', '1']);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
  });
  it('a filled sheet typed into the Excel template is refused with its row and column, then imported once corrected', async () => {
    const activityId = await setUp({ title: 'Forum des jeunes de Kita', days: 2, mode: 'named', confirm: true });
    const page = await officerPage(`/activities/${activityId}/attendance`, 'Présences');
    await page.getByRole('region', { name: 'Participants' }).getByText("Personne n'est encore inscrit.").waitFor();
    // The template as downloaded from the page (two blank lines, each with a fresh code).
    await page.getByLabel('Lignes vides à imprimer').fill('2');
    const href = await page.getByRole('link', { name: 'Modèle Excel' }).getAttribute('href');
    expect(href).toContain('rows=2');
    const template = await page.request.get(`${env.server.url}${href}`);
    expect(template.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const fill = (row: number, values: { consent: string; sex: string; ageBand: string; category: string; day1: string; day2: string }) => {
      // Columns: code, name, consent, sex, age band, category, day 1, day 2.
      const r = sheet.getRow(row);
      r.getCell(3).value = values.consent;
      r.getCell(4).value = values.sex;
      r.getCell(5).value = values.ageBand;
      r.getCell(6).value = values.category;
      r.getCell(7).value = values.day1;
      r.getCell(8).value = values.day2;
      r.commit();
    };
    fill(2, { consent: 'non', sex: 'Féminin', ageBand: '18-24', category: 'Femmes', day1: 'x', day2: 'x' });
    fill(3, { consent: 'non', sex: 'Masculin', ageBand: 'unknown', category: 'Astronautes', day1: '', day2: 'x' });
    const upload = async () => {
      await page.getByLabel('Fichier Excel (.xlsx)').setInputFiles({ name: 'presences.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
      await page.getByRole('button', { name: 'Importer' }).click();
    };

    await upload();
    const problem = page.getByRole('listitem').filter({ hasText: /^Ligne 3, colonne F : / });
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Ligne 3, colonne F : Catégorie non reconnue : choisissez une valeur de la liste.');
    await page.getByText("Un problème empêche l'import :").waitFor();
    // Nothing was stored.
    await page.getByText("Personne n'est encore inscrit.").waitFor();
    await expectNoSeriousViolations(page);

    fill(3, { consent: 'non', sex: 'Masculin', ageBand: 'unknown', category: 'Jeunes', day1: '', day2: 'x' });
    await upload();
    await page.getByText('Import terminé : 2 ajoutés, aucun mis à jour.').waitFor();
    const totals = page.getByRole('region', { name: 'Totaux' });
    await expect.poll(async () => plain(await totals.getByTestId('attendance-overall').textContent())).toBe('2 participants distincts');
    await totals.getByText('Jour 1 : 1 présent').waitFor();
    await totals.getByText('Jour 2 : 2 présents').waitFor();
    await page.getByRole('region', { name: '2 participants' }).waitFor();
  });

  it('anonymous head counts, a satisfaction survey, and an activity not yet confirmed', async () => {
    const planned = await setUp({ title: 'Causerie de Nioro', days: 1, mode: 'anonymous', confirm: false });
    const page = await officerPage(`/activities/${planned}/attendance`, 'Présences');
    await page.getByText("L'activité est « Planifiée » : les présences et les évaluations se saisissent seulement quand elle est confirmée ou tenue.").waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer les comptages' }).count()).toBe(0);

    const activityId = await setUp({ title: 'Sensibilisation des forces de sécurité', days: 1, mode: 'anonymous', confirm: true });
    await page.goto(`${env.server.url}/activities/${activityId}/attendance`);
    const grid = page.getByRole('form', { name: 'Comptage anonyme' });
    await grid.waitFor();
    await grid.locator('summary', { hasText: 'Femmes' }).click();
    await grid.getByRole('textbox', { name: 'Femmes, 18 à 24 ans, Féminin, jour 1' }).fill('4');
    await grid.locator('summary', { hasText: 'Jeunes' }).click();
    await grid.getByRole('textbox', { name: 'Jeunes, 15 à 17 ans, Masculin, jour 1' }).fill('3');
    await grid.getByText('Total du jour 1 : 7').waitFor();
    for (const box of await grid.getByRole('textbox').all()) if (await box.isVisible()) expect(await height(box)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await grid.getByRole('button', { name: 'Enregistrer les comptages' }).click();
    await grid.getByText('Comptages enregistrés : 7 au total.').waitFor();
    const totals = page.getByRole('region', { name: 'Totaux' });
    await expect.poll(async () => plain(await totals.getByTestId('attendance-overall').textContent())).toBe('7 personnes le jour le plus fréquenté (un comptage anonyme ne dit pas qui est revenu)');
    const byCategory = totals.getByRole('table', { name: 'Par catégorie' });
    expect(await byCategory.getByRole('row', { name: /^Femmes/ }).getByRole('cell').allTextContents()).toEqual(['4', '4']);
    // Reloaded, the grid shows what the server holds.
    await page.reload();
    await page.getByRole('form', { name: 'Comptage anonyme' }).getByRole('textbox', { name: 'Femmes, 18 à 24 ans, Féminin, jour 1' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Femmes, 18 à 24 ans, Féminin, jour 1' }).inputValue()).toBe('4');

    // Two satisfaction surveys, no code needed; then one deleted and entered again.
    await page.getByRole('link', { name: 'Évaluations' }).click();
    const entry = page.getByRole('region', { name: 'Saisir une évaluation' });
    await entry.getByRole('radio', { name: 'Satisfaction' }).check();
    const survey = async (levels: readonly number[]) => {
      for (const [i, item] of SATISFACTION_ITEMS.entries()) await entry.getByRole('group', { name: item.label }).getByRole('radio', { name: LEVEL_LABELS[levels[i]! - 1]! }).check();
      await entry.getByRole('button', { name: 'Enregistrer' }).click();
      await entry.getByText('Réponses enregistrées.').waitFor();
      await entry.getByRole('button', { name: 'Saisir le suivant' }).click();
    };
    expect(await entry.getByLabel('Code du participant').count()).toBe(0);
    await survey([5, 4]);
    await survey([1, 1]);
    await survey([4, 2]);
    const list = page.getByRole('region', { name: '3 saisies' });
    await list.waitFor();
    // The second was a typing mistake: deleted after a confirmation in place.
    const mistaken = list.getByRole('listitem').nth(1);
    await mistaken.getByRole('button', { name: 'Supprimer : Satisfaction, sans code' }).click();
    await mistaken.getByRole('group', { name: 'Supprimer cette saisie (Satisfaction, sans code) ?' }).getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('region', { name: '2 saisies' }).waitFor();
    await expectNoSeriousViolations(page);

    await page.getByRole('link', { name: 'Résultats' }).click();
    const satisfaction = page.getByRole('region', { name: 'Satisfaction' });
    const content = satisfaction.locator('li[data-item="sat_content"]');
    await content.waitFor();
    expect(plain(await content.locator('.run-likert-label').textContent())).toBe(`${SATISFACTION_ITEMS[0]!.label} — moyenne 4,5 sur 5 (2 réponses)`);
    expect(plain(await satisfaction.locator('li[data-item="sat_facilitation"] .run-likert-label').textContent())).toBe(`${SATISFACTION_ITEMS[1]!.label} — moyenne 3 sur 5 (2 réponses)`);
    await content.getByText('Niveau 1 : 0, niveau 2 : 0, niveau 3 : 0, niveau 4 : 1, niveau 5 : 1.').waitFor();
    await page.getByRole('region', { name: 'Connaissances' }).getByText('Aucun test saisi pour l\'instant.').waitFor();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
  });
});
