import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiAs, seedBuiltinForms } from './support/api.ts';
import { MIN_TOUCH_PX, height, saveScreenshot } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { expectFitsPhone, expectNoSeriousViolations, signedInPage } from './support/pages.ts';

/**
 * Issue 9, parts 1, 2 and 5: a community engagement officer plans a forum in Bougouni from the
 * library on a phone, confirms it, finds it in the list, types in the groups' outputs once it
 * was held, writes the report's texts, and cancels another activity with a reason.
 */
const env = useE2eEnvironment();

const TITLE = 'Forum frontalier de Bougouni';
const EXERCISE = 'Étude de cas : une fille en transit à la gare routière de Bougouni';

/** A calendar day `days` from today (UTC), as a date input wants it. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const stateChip = (page: Page) => page.getByTestId('activity-state');

describe('planning community activities', () => {
  let activityPath = '';

  it('lets the officer plan a two-day forum in Bougouni from the library, on a phone', async () => {
    await seedBuiltinForms(env);
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, '/activities');
    await page.getByRole('heading', { level: 1, name: 'Activités communautaires' }).waitFor();
    await page.getByText('Aucune activité à venir. Planifiez la prochaine.').waitFor();
    await expectNoSeriousViolations(page);
    const plan = page.getByRole('link', { name: 'Planifier une activité' });
    expect(await height(plan)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await plan.click();
    await page.getByRole('heading', { level: 1, name: 'Planifier une activité' }).waitFor();

    const form = page.getByRole('form', { name: "Le plan de l'activité" });
    await form.getByLabel("Type d'activité").selectOption({ label: 'Forum' });
    await form.getByLabel('Titre', { exact: true }).fill(TITLE);
    await form.getByLabel('Objectif 1').fill('Faire connaître le mécanisme national de référencement aux forces de sécurité');
    await form.getByRole('button', { name: 'Ajouter un objectif' }).click();
    await form.getByLabel('Objectif 2').fill('Convenir de qui appeler quand une victime possible est repérée');

    // Two themes from the library: shown by their titles, kept by their codes.
    await form.getByRole('button', { name: 'Choisir des thèmes dans la bibliothèque' }).click();
    await form.getByRole('button', { name: 'Ajouter « Identifier les victimes de la traite des personnes »' }).click();
    await form.getByRole('button', { name: 'Ajouter « Le rôle des forces de sécurité aux frontières »' }).click();
    expect(await form.getByRole('button', { name: 'Ajouter « Identifier les victimes de la traite des personnes »' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Fermer la bibliothèque' }).click();
    await form.getByText('Le rôle des forces de sécurité aux frontières').waitFor();

    await form.getByRole('group', { name: 'Publics visés' }).getByLabel('Forces de défense et de sécurité').check();
    await form.getByRole('group', { name: 'Publics visés' }).getByLabel('Leaders communautaires').check();
    await form.getByLabel('Région').selectOption('ML03');
    await form.getByLabel('Cercle ou province (P-code, facultatif)').fill('ML0303');
    await form.getByLabel('Lieu (ville, salle)').fill('Salle de la mairie, Bougouni');
    await form.getByLabel('Premier jour').fill(inDays(10));
    await form.getByLabel('Dernier jour').fill(inDays(11));

    await form.getByRole('button', { name: 'Ajouter un facilitateur' }).click();
    const facilitator = form.getByRole('group', { name: 'Facilitateur 1' });
    await facilitator.getByLabel('Nom').fill('Awa Traoré');
    await facilitator.getByLabel('Fonction (facultatif)').fill('Chargée de protection, DRDSES Sikasso');

    await form.getByRole('button', { name: 'Ajouter une session' }).click();
    const session = form.getByRole('group', { name: 'Session 1' });
    await session.getByLabel('Jour').selectOption('2');
    await session.getByLabel('De', { exact: true }).fill('09:00');
    await session.getByLabel('À', { exact: true }).fill('10:30');
    await session.getByLabel('Thème de la session').fill('Les indicateurs de la traite au poste frontière');
    await session.getByLabel('Animée par (facultatif)').fill('Awa Traoré');

    // One exercise from the library fills the group work's type, instructions and materials.
    await form.getByRole('button', { name: 'Choisir un exercice dans la bibliothèque' }).click();
    await form.getByLabel('Rechercher dans la bibliothèque').fill('gare routiere');
    await form.getByRole('button', { name: `Ajouter « ${EXERCISE} »` }).click();
    const group = form.getByRole('group', { name: 'Travail de groupe 1' });
    expect(await group.getByLabel('Sujet').inputValue()).toBe(EXERCISE);
    expect(await group.getByLabel("Type d'exercice").locator('option:checked').textContent()).toBe('Étude de cas');
    expect(await group.getByLabel('Consignes').inputValue()).toContain('Aminata');

    await form.getByRole('radio', { name: 'Nominative (codes de participant)' }).check();
    await form.getByLabel('Test de connaissances (avant et après)').selectOption({ label: 'Test de connaissances : MNR, traite et orientation' });
    await expectFitsPhone(page);
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'activity-plan-phone');
    await form.getByRole('button', { name: "Planifier l'activité" }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    activityPath = new URL(page.url()).pathname;
    expect(activityPath).toMatch(/^\/activities\/[0-9a-f-]{36}$/);
    expect(await stateChip(page).textContent()).toBe('Planifiée');
    await page.getByText('Sikasso (ML0303) · Salle de la mairie, Bougouni').waitFor();
    await page.getByText('Identifier les victimes de la traite des personnes').waitFor();
    await page.getByText('Les indicateurs de la traite au poste frontière').waitFor();
    await page.getByRole('heading', { level: 3, name: EXERCISE }).waitFor();
    await expectFitsPhone(page);
    await expectNoSeriousViolations(page);

    const stored = (await (await page.request.get(`${env.server.url}/api${activityPath}`)).json()) as {
      activity: { themes: string[]; locationPcode: string; startDate: string; endDate: string };
      attendanceMode: string;
      knowledgeTestFormKey: string;
    };
    expect(stored.activity.locationPcode).toBe('ML0303');
    expect(stored.activity.themes).toHaveLength(2);
    expect(stored.activity.startDate).toBe(inDays(10));
    expect(stored.activity.endDate).toBe(inDays(11));
    expect(stored.attendanceMode).toBe('named');
    expect(stored.knowledgeTestFormKey).toBe('sira_activity_knowledge_nrm');

    // Confirmed, it shows in the list of coming activities.
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByTestId('activity-state').filter({ hasText: 'Confirmée' }).waitFor();

    // The plan still changes once confirmed: the hall moved.
    await page.getByRole('link', { name: 'Modifier le plan' }).click();
    const edit = page.getByRole('form', { name: 'Modifier le plan' });
    expect(await edit.getByLabel('Cercle ou province (P-code, facultatif)').inputValue()).toBe('ML0303');
    await edit.getByLabel('Lieu (ville, salle)').fill('Maison des jeunes, Bougouni');
    await edit.getByRole('button', { name: 'Enregistrer les changements' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('Sikasso (ML0303) · Maison des jeunes, Bougouni').waitFor();
    expect(await stateChip(page).textContent()).toBe('Confirmée');
    await page.getByRole('link', { name: 'Retour aux activités' }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: TITLE }) });
    await card.waitFor();
    expect(await card.getByTestId('activity-state').textContent()).toBe('Confirmée');
    await card.getByText('Sikasso (ML0303) · Maison des jeunes, Bougouni').waitFor();
    await expectNoSeriousViolations(page);
    await page.getByRole('link', { name: 'Passées' }).click();
    await page.getByText('Aucune activité ici.').waitFor();
    await page.getByRole('link', { name: 'À venir' }).click();
    await card.waitFor();
  });

  it('takes the groups’ outputs and the report’s texts once the forum was held', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, activityPath);
    await page.getByRole('button', { name: 'Marquer comme tenue' }).click();
    await page.getByTestId('activity-state').filter({ hasText: 'Tenue' }).waitFor();

    const output = page.getByLabel(`Production du groupe « ${EXERCISE} »`);
    await output.fill('Aminata est mise à l’abri et signalée au service de protection de l’enfance de Bougouni.');
    await page.getByRole('button', { name: 'Enregistrer les productions' }).click();
    await page.getByText('Productions enregistrées.').waitFor();

    await page.getByLabel('Résumé').fill('Deux jours d’échanges entre forces de sécurité et leaders communautaires.');
    await page.getByLabel('Recommandations').fill('Afficher les numéros des services au poste de Koury.');
    await page.getByRole('button', { name: 'Enregistrer le texte du rapport' }).click();
    await page.getByText('Texte du rapport enregistré.').waitFor();

    // Saved for good: a fresh page shows them.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByLabel(`Production du groupe « ${EXERCISE} »`).inputValue()).toContain('Aminata est mise à l’abri');
    expect(await page.getByLabel('Recommandations').inputValue()).toBe('Afficher les numéros des services au poste de Koury.');

    // The report in French by default, in another language on request.
    const word = page.getByRole('link', { name: 'Rapport (Word)' });
    expect(await word.getAttribute('href')).toBe(`/api${activityPath}/report.docx?lang=fr`);
    await page.getByLabel('Langue du rapport').selectOption('en');
    expect(await page.getByRole('link', { name: 'Rapport (PDF)' }).getAttribute('href')).toBe(`/api${activityPath}/report.pdf?lang=en`);
    expect(await page.getByRole('link', { name: 'Présences' }).getAttribute('href')).toBe(`${activityPath}/attendance`);
    await expectFitsPhone(page);
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'activity-held-phone');
  });

  it('starts the next forum from this one: same programme, no dates, no outputs', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, activityPath);
    await page.getByRole('link', { name: 'Planifier la suivante à partir de celle-ci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planifier une activité' }).waitFor();
    const form = page.getByRole('form', { name: "Le plan de l'activité" });
    await form.getByText(`Repris de « ${TITLE} »`, { exact: false }).waitFor();
    expect(await form.getByLabel('Titre', { exact: true }).inputValue()).toBe(TITLE);
    expect(await form.getByLabel('Premier jour').inputValue()).toBe('');
    expect(await form.getByRole('group', { name: 'Travail de groupe 1' }).getByLabel('Sujet').inputValue()).toBe(EXERCISE);
    expect(await form.getByRole('group', { name: 'Session 1' }).getByLabel('Thème de la session').inputValue()).toBe('Les indicateurs de la traite au poste frontière');

    // Without dates the schema's own messages show next to the boxes.
    await form.getByRole('button', { name: "Planifier l'activité" }).click();
    await form.getByText('Certaines réponses sont à corriger', { exact: false }).waitFor();
    expect(await form.getByLabel('Premier jour').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page);
  });

  it('asks a reason before cancelling another activity', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, '/activities');
    const officer = await apiAs(env, env.server.officer);
    const created = await officer.command<{ activityId: string }>('activity.create', {
      activity: {
        type: 'awareness_session',
        title: 'Causerie au marché de Koutiala',
        objectives: ['Informer les femmes commerçantes des risques de la traite'],
        audiences: ['women'],
        locationPcode: 'ML03',
        startDate: inDays(20),
        endDate: inDays(20),
        organiserOrganisationIds: [officer.organisationId],
      },
    });
    await officer.close();
    await page.goto(`${env.server.url}/activities/${created.activityId}`);
    await page.getByRole('heading', { level: 1, name: 'Causerie au marché de Koutiala' }).waitFor();
    await page.getByRole('button', { name: "Annuler l'activité" }).click();
    const confirm = page.getByRole('button', { name: "Confirmer l'annulation" });
    await confirm.click();
    await page.getByText("Donnez la raison de l'annulation.").waitFor();
    expect(await page.getByLabel("Pourquoi l'activité est-elle annulée ?").getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousViolations(page);
    await page.getByLabel("Pourquoi l'activité est-elle annulée ?").fill('Le marché est fermé ce jour-là.');
    await confirm.click();
    await page.getByTestId('activity-state').filter({ hasText: 'Annulée' }).waitFor();
    await page.getByText('Annulée : Le marché est fermé ce jour-là.').waitFor();
    // Closed: no step left, and its plan no longer changes.
    expect(await page.getByRole('link', { name: 'Modifier le plan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Confirmer' }).count()).toBe(0);
  });
});
