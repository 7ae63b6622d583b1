import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, height } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { bodyText, expectFitsPhone, expectNoSeriousViolations, signedInPage } from './support/pages.ts';

/**
 * Issue 9, the library: an activity officer keeps the themes, exercises and questionnaires
 * activities are planned from, on a phone. The shipped library is seeded by the e2e server.
 */
const env = useE2eEnvironment();

describe('activity library', () => {
  it('shows the shipped themes to an officer, on a 360 px phone, without serious accessibility problems', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, '/activities/library');
    await page.getByRole('heading', { level: 1, name: 'Bibliothèque des activités' }).waitFor();
    const themes = page.getByRole('list', { name: 'Thèmes' });
    await themes.getByRole('heading', { name: 'Identifier les victimes de la traite des personnes' }).waitFor();
    expect(await themes.getByText('Modèle national').count()).toBeGreaterThanOrEqual(8);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    expect(await height(page.getByRole('button', { name: 'Exercices' }))).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await page.context().close();
  });

  it('lets an officer add an exercise, find it by search, and archive it', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.officer, '/activities/library');
    await page.getByRole('button', { name: 'Exercices' }).click();
    await page.getByRole('list', { name: 'Exercices' }).getByRole('heading', { name: /Bougouni/ }).waitFor();

    await page.getByRole('button', { name: 'Ajouter un exercice' }).click();
    const form = page.getByRole('form', { name: 'Ajouter un exercice' });
    await form.getByLabel('Titre en français').fill('Jeu de rôle au marché de Koutiala');
    await form.getByLabel('Titre en bambara (facultatif)').fill('Tulon Kutiyala sugu la');
    await form.getByLabel('Description en français').fill('Une commerçante remarque une jeune fille seule qui attend un « oncle ».');
    await form.getByLabel("Type d'exercice").selectOption('role_play');
    await form.getByLabel('Consignes').fill('Par trois : la commerçante, la fille, un observateur. Dix minutes, puis retour.');
    await form.getByLabel('Matériel (un par ligne)').fill('Fiches de rôles\nGrille d’observation');
    await form.getByLabel('Femmes').check();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.waitFor({ state: 'detached' });

    await page.getByLabel('Rechercher', { exact: true }).fill('koutiala');
    const list = page.getByRole('list', { name: 'Exercices' });
    const card = list.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Jeu de rôle au marché de Koutiala' }) });
    await card.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await card.innerText()).toContain('Jeu de rôle');
    expect(await card.innerText()).toContain('Femmes');
    // Accents and case do not matter.
    await page.getByLabel('Rechercher', { exact: true }).fill('MARCHE DE KOUTIALA');
    await card.waitFor();

    const archive = card.getByRole('button', { name: 'Archiver « Jeu de rôle au marché de Koutiala »' });
    expect(await height(archive)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await archive.click();
    await card.getByRole('group', { name: /^Archiver « Jeu de rôle au marché de Koutiala » \?/ }).getByRole('button', { name: 'Confirmer' }).click();
    await page.getByText('Aucun élément ne correspond à la recherche.').waitFor();

    // Still there for whoever asks for archived items, marked so, and it can come back.
    await page.getByLabel('Afficher aussi les éléments archivés').check();
    const archived = page.getByRole('list', { name: 'Exercices' }).getByRole('listitem').filter({ hasText: 'Jeu de rôle au marché de Koutiala' });
    await archived.getByText('Archivé', { exact: true }).waitFor();
    await expectNoSeriousViolations(page);

    // The planning picker no longer offers it.
    const offered = await page.evaluate(async () => (await (await fetch('/api/activity-library?kind=exercise')).json()) as { items: { title: { fr: string } }[] });
    expect(offered.items.map((i) => i.title.fr)).not.toContain('Jeu de rôle au marché de Koutiala');
    await page.context().close();
  });

  it('shows the shipped questionnaires to a coordinator; a frontline identifier has no library page', async () => {
    const page = await signedInPage(env.browser, env.server.url, env.server.coordinator, '/activities/library');
    await page.getByRole('button', { name: 'Questionnaires' }).click();
    const questionnaires = page.getByRole('list', { name: 'Questionnaires' });
    await questionnaires.getByRole('heading', { name: 'Test de connaissances : MNR, traite et orientation' }).waitFor();
    expect(await bodyText(page)).toContain('Formulaire : sira_activity_knowledge_nrm');
    await page.context().close();

    // A frontline identifier has no library: the page is not theirs.
    const frontline = await signedInPage(env.browser, env.server.url, env.server.user, '/activities/library');
    expect(await frontline.getByRole('heading', { level: 1, name: 'Bibliothèque des activités' }).count()).toBe(0);
    await frontline.context().close();
  });
});
