import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { knowledgeNrmForm } from '../src/domain/activities/forms/index.ts';
import { type Question, questions } from '../src/domain/forms/definition.ts';
import { readDocx, rowStarting } from '../test/support/docx.ts';
import { enterKnowledgeTest, registerParticipant, rollCall } from './support/activity-screens.ts';
import { seedBuiltinForms } from './support/api.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { expectNoSeriousViolations, signedInPage } from './support/pages.ts';

/**
 * Issue #9, "done means": an officer plans a forum in Bougouni from the library, records
 * attendance for two days, enters pre and post tests with the knowledge test shipped with Sira,
 * and downloads a report whose figures match the data. The expected figures are computed here
 * from what the test typed in, not read from the application.
 */
const env = useE2eEnvironment();

const TITLE = 'Forum des communautés frontalières de Bougouni';
const THEME = 'Identifier les victimes de la traite des personnes';
const EXERCISE = 'Étude de cas : une fille en transit à la gare routière de Bougouni';
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Synthetic people: who they are, which days they came, how many of the ten questions they got right before and after. */
const PEOPLE = [
  { sex: 'Féminin', ageBand: '25 à 59 ans', category: 'Leaders communautaires', name: 'Fatoumata Sangaré (synthétique)', days: [1, 2], pre: 4, post: 8 },
  { sex: 'Masculin', ageBand: '25 à 59 ans', category: 'Forces de défense et de sécurité', days: [1, 2], pre: 6, post: 9 },
  { sex: 'Féminin', ageBand: '18 à 24 ans', category: 'Jeunes', days: [1, 2], pre: 5, post: 5 },
  { sex: 'Masculin', ageBand: '60 ans et plus', category: 'Leaders religieux', days: [1], pre: 3, post: null },
] as const;

const scored = questions(knowledgeNrmForm).filter((q): q is Question & { scoring: NonNullable<Question['scoring']> } => q.scoring !== undefined);
const fr = (text: { fr?: string } | undefined) => text?.fr ?? '';

/** The first `right` questions answered right, the others with the first wrong choice. */
function answers(right: number): { question: string; choice: string }[] {
  return scored.map((q, i) => {
    const choices = knowledgeNrmForm.choices[q.listName ?? ''] ?? [];
    const pick = i < right ? choices.find((c) => q.scoring.correct.includes(c.name)) : choices.find((c) => !q.scoring.correct.includes(c.name));
    return { question: fr(q.label), choice: fr(pick?.label) };
  });
}

const decimal = (n: number) => new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Intl writes narrow no-break spaces; the documents' text is compared with plain spaces. */
const plain = (s: string) => s.replace(/\s+/gu, ' ');

describe('a forum in Bougouni, from the plan to the report', () => {
  it('plans from the library, takes two days of attendance and the tests, and reports figures that match', async () => {
    await seedBuiltinForms(env);
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, '/activities/new');

    // The plan, from the library.
    const form = page.getByRole('form', { name: "Le plan de l'activité" });
    await form.getByLabel("Type d'activité").selectOption({ label: 'Forum' });
    await form.getByLabel('Titre', { exact: true }).fill(TITLE);
    await form.getByLabel('Objectif 1').fill('Faire connaître le mécanisme national de référencement aux forces de sécurité et aux leaders');
    await form.getByRole('button', { name: 'Choisir des thèmes dans la bibliothèque' }).click();
    await form.getByRole('button', { name: `Ajouter « ${THEME} »` }).click();
    await form.getByRole('button', { name: 'Fermer la bibliothèque' }).click();
    await form.getByRole('group', { name: 'Publics visés' }).getByLabel('Forces de défense et de sécurité').check();
    await form.getByRole('group', { name: 'Publics visés' }).getByLabel('Leaders communautaires').check();
    await form.getByLabel('Région').selectOption('ML15');
    await form.getByLabel('Lieu (ville, salle)').fill('Salle de la mairie, Bougouni');
    await form.getByLabel('Premier jour').fill(isoDay(0));
    await form.getByLabel('Dernier jour').fill(isoDay(1));
    await form.getByRole('button', { name: 'Choisir un exercice dans la bibliothèque' }).click();
    await form.getByLabel('Rechercher dans la bibliothèque').fill('gare routiere');
    await form.getByRole('button', { name: `Ajouter « ${EXERCISE} »` }).click();
    await form.getByRole('radio', { name: 'Nominative (codes de participant)' }).check();
    await form.getByLabel('Test de connaissances (avant et après)').selectOption({ label: knowledgeNrmForm.title.fr ?? '' });
    await form.getByRole('button', { name: "Planifier l'activité" }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const activityPath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByTestId('activity-state').filter({ hasText: 'Confirmée' }).waitFor();

    // Two days of attendance: four registered, four on day 1, three on day 2.
    await page.getByRole('link', { name: 'Présences' }).click();
    await page.getByRole('heading', { level: 1, name: 'Présences' }).waitFor();
    const codes: string[] = [];
    for (const person of PEOPLE) codes.push(await registerParticipant(page, { sex: person.sex, ageBand: person.ageBand, category: person.category, ...('name' in person ? { name: person.name } : {}) }));
    for (const day of [1, 2]) await rollCall(page, day, codes.filter((_, i) => (PEOPLE[i]!.days as readonly number[]).includes(day)));

    // The tests: four before, three after (the one who left after day 1 took none).
    await page.getByRole('link', { name: 'Évaluations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Évaluations' }).waitFor();
    for (const [i, person] of PEOPLE.entries()) {
      await enterKnowledgeTest(page, { kind: 'Test avant', source: 'Saisie depuis le papier', code: codes[i]!, answers: answers(person.pre), score: `${person.pre} sur ${scored.length}` });
    }
    for (const [i, person] of PEOPLE.entries()) {
      if (person.post === null) continue;
      await enterKnowledgeTest(page, { kind: 'Test après', source: 'En ligne', code: codes[i]!, answers: answers(person.post), score: `${person.post} sur ${scored.length}` });
    }

    // Held, with a recommendation; then the report.
    await page.goto(`${env.server.url}${activityPath}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: 'Marquer comme tenue' }).click();
    await page.getByTestId('activity-state').filter({ hasText: 'Tenue' }).waitFor();
    await page.getByLabel('Recommandations').fill('Afficher les numéros des services au poste frontière de Koury.');
    await page.getByRole('button', { name: 'Enregistrer le texte du rapport' }).click();
    await page.getByText('Texte du rapport enregistré.').waitFor();
    await expectNoSeriousViolations(page);

    // What the data says, worked out here.
    const n = scored.length;
    const pre = PEOPLE.map((p) => (100 * p.pre) / n);
    const paired = PEOPLE.filter((p) => p.post !== null) as unknown as { pre: number; post: number }[];
    const post = paired.map((p) => (100 * p.post) / n);
    const gain = mean(paired.map((p) => p.post - p.pre));
    const day = (d: number) => PEOPLE.filter((p) => (p.days as readonly number[]).includes(d));
    const women = (people: readonly (typeof PEOPLE)[number][]) => people.filter((p) => p.sex === 'Féminin').length;
    const expected = {
      preMean: decimal(mean(pre)),
      postMean: decimal(mean(post)),
      gain: `+${decimal(gain)}`,
      paired: String(paired.length),
      improved: String(paired.filter((p) => p.post > p.pre).length),
      same: String(paired.filter((p) => p.post === p.pre).length),
      total: ['Total', String(day(1).length), String(day(2).length), String(PEOPLE.length)],
      women: ['Féminin', String(women(day(1))), String(women(day(2))), String(women(PEOPLE))],
    };

    const word = page.getByRole('link', { name: 'Rapport (Word)' });
    expect(await word.getAttribute('href')).toBe(`/api${activityPath}/report.docx?lang=fr`);
    const docxAnswer = await page.request.get(`${env.server.url}${await word.getAttribute('href')}`);
    expect(docxAnswer.status()).toBe(200);
    const docx = readDocx(new Uint8Array(await docxAnswer.body()));
    const value = (label: string) => rowStarting(docx.rows, label)?.[1];
    expect(docx.text).toContain(TITLE);
    expect(docx.text).toContain(THEME);
    expect(rowStarting(docx.rows, 'Total')).toEqual(expected.total);
    expect(rowStarting(docx.rows, 'Féminin')).toEqual(expected.women);
    expect(value('Tests passés avant')).toBe(String(PEOPLE.length));
    expect(value('Score moyen avant (%)')).toBe(expected.preMean);
    expect(value('Score moyen après (%)')).toBe(expected.postMean);
    expect(value('Participants ayant passé les deux tests')).toBe(expected.paired);
    expect(value('Gain moyen (points)')).toBe(expected.gain);
    expect(value('Ont progressé')).toBe(expected.improved);
    expect(value('Sans changement')).toBe(expected.same);
    expect(docx.text).toContain('Afficher les numéros des services au poste frontière de Koury.');
    // The group's exercise, and the annex: the one person who agreed is named, the others by code only.
    expect(docx.rows.some((r) => r[0] === EXERCISE)).toBe(true);
    const annex = docx.rows.filter((r) => codes.includes(r[0] ?? ''));
    expect(annex.map((r) => r[0]).sort()).toEqual([...codes].sort());
    expect(annex.find((r) => r[0] === codes[0])?.[1]).toBe(PEOPLE[0].name);
    expect(docx.media.length).toBeGreaterThanOrEqual(2);

    const pdfLink = page.getByRole('link', { name: 'Rapport (PDF)' });
    const pdfAnswer = await page.request.get(`${env.server.url}${await pdfLink.getAttribute('href')}`);
    expect(pdfAnswer.status()).toBe(200);
    const text = plain((await extractText(new Uint8Array(await pdfAnswer.body()), { mergePages: true })).text);
    expect(text).toContain(`Score moyen avant (%) ${expected.preMean}`);
    expect(text).toContain(`Score moyen après (%) ${expected.postMean}`);
    expect(text).toContain(`Gain moyen (points) ${expected.gain}`);
    expect(text).toContain(expected.total.join(' '));
    expect(text).toContain(PEOPLE[0].name);
  });
});
