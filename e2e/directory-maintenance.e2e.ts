import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ServiceDetailView } from '../src/domain/directory/views.ts';
import { MIN_TOUCH_PX, PHONE, height, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

/**
 * Issue 6's "done means": a service focal point keeps their organisation's entry current
 * from a phone, and a caseworker of another organisation finds it by typing without accents.
 */
const env = useE2eEnvironment();

async function signIn(page: Page, who: E2eUser): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
}

/** The entry as the server now holds it, read with the browser's own session. */
async function stored(request: APIRequestContext, id: string): Promise<ServiceDetailView> {
  const answer = await request.get(`${env.server.url}/api/directory/services/${id}`);
  expect(answer.status()).toBe(200);
  return (await answer.json()) as ServiceDetailView;
}

async function openEdit(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`${env.server.url}/directory/services/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: `Modifier : ${name}` }).waitFor();
  await page.getByLabel('Nom du service').waitFor();
}

describe('maintenance of directory entries by service focal points', () => {
  it('confirms an entry is still correct without changing it', async () => {
    const { own } = env.server.services;
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.focalPoint);
    const before = await stored(context.request, own.id);
    expect(before.lastVerifiedAt).toBeNull();
    expect(before.stale).toBe(true);

    await openEdit(page, own.id, own.name);
    await page.getByText('Jamais vérifiée.').waitFor();
    await page.getByText('Fiche à vérifier : la dernière vérification est trop ancienne.').waitFor();
    const button = page.getByRole('button', { name: 'Toujours exact' });
    expect(await height(button)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await button.click();
    await page.getByText("Fiche marquée comme vérifiée aujourd'hui.").waitFor();

    const after = await stored(context.request, own.id);
    expect(after.lastVerifiedAt).not.toBeNull();
    expect(after.stale).toBe(false);
    // Nothing else was written.
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.phones).toEqual(before.phones);
    await context.close();
  });

  it('lets a focal point change the phone and the hours on a phone, and a caseworker of another organisation find it without accents', async () => {
    const { own } = env.server.services;
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.focalPoint);
    const before = await stored(context.request, own.id);
    expect(before.lastVerifiedAt).not.toBeNull();

    // From the service page, as a person would.
    await page.goto(`${env.server.url}/directory/services/${own.id}`);
    await page.getByRole('link', { name: `Modifier le service ${own.name}` }).click();
    await page.getByRole('heading', { level: 1, name: `Modifier : ${own.name}` }).waitFor();
    await page.getByLabel('Nom du service').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'directory-service-edit-phone');

    await page.getByLabel('Numéro de téléphone 1').fill('+223 70 00 00 09');
    // Monday opens later; a new Saturday morning row follows Friday's.
    await page.getByRole('group', { name: 'Horaire 1' }).getByLabel('Ouvre à').fill('09:00');
    await page.getByRole('button', { name: 'Ajouter un horaire' }).click();
    const saturday = page.getByRole('group', { name: 'Horaire 6' });
    expect(await saturday.getByLabel('Jour').inputValue()).toBe('SA');
    await saturday.getByLabel('Ferme à').fill('12:00');
    const save = page.getByRole('button', { name: 'Enregistrer', exact: true });
    expect(await height(save)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await save.click();
    await page.waitForURL(`${env.server.url}/directory/services/${own.id}`);
    await page.getByRole('heading', { level: 1, name: own.name }).waitFor();

    const after = await stored(context.request, own.id);
    expect(after.phones.map((p) => p.number)).toEqual(['+223 70 00 00 09']);
    expect(after.schedules).toEqual([
      { days: ['MO'], opensAt: '09:00', closesAt: '16:00', notes: null },
      { days: ['TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '16:00', notes: null },
      { days: ['SA'], opensAt: '08:00', closesAt: '12:00', notes: null },
    ]);
    // What the form did not touch is kept as it was.
    expect(after.name).toBe(before.name);
    expect(after.locations).toEqual(before.locations);
    expect(after.coverage).toEqual(before.coverage);
    // Saving is checking: the verification date moved forward.
    expect(Date.parse(after.lastVerifiedAt ?? '')).toBeGreaterThan(Date.parse(before.lastVerifiedAt ?? ''));
    await context.close();

    // A caseworker of another organisation types without accents, through the search page.
    const other = await openApp(env.browser, env.server.url, PHONE);
    await signIn(other.page, env.server.otherOrgCaseworker);
    await other.page.goto(`${env.server.url}/directory`);
    await other.page.getByLabel('Mots recherchés').fill('segou sante');
    await other.page.getByRole('button', { name: 'Rechercher' }).click();
    await other.page.getByRole('link', { name: own.name, exact: true }).click();
    await other.page.getByRole('heading', { level: 1, name: own.name }).waitFor();
    await other.page.getByText('+223 70 00 00 09').first().waitFor();
    // Readers of another organisation get no way to edit it.
    expect(await other.page.getByRole('link', { name: `Modifier le service ${own.name}` }).count()).toBe(0);
    await other.page.goto(`${env.server.url}/directory/services/${own.id}/edit`);
    await other.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await other.context.close();
  });

  it("refuses a focal point another organisation's entry", async () => {
    const { other } = env.server.services;
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.focalPoint);
    await page.goto(`${env.server.url}/directory/services/${other.id}`);
    await page.getByRole('heading', { level: 1, name: other.name }).waitFor();
    expect(await page.getByRole('link', { name: `Modifier le service ${other.name}` }).count()).toBe(0);

    await page.goto(`${env.server.url}/directory/services/${other.id}/edit`);
    await page.getByText(`Vous ne pouvez pas modifier cette fiche : elle est tenue à jour par ${env.server.otherOrgUser.organisationName}.`).waitFor();
    expect(await page.getByLabel('Nom du service').count()).toBe(0);
    expect((await stored(context.request, other.id)).canEdit).toBe(false);
    await context.close();
  });

  it('shows field errors in French and saves nothing', async () => {
    const { own } = env.server.services;
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.focalPoint);
    const before = await stored(context.request, own.id);
    await openEdit(page, own.id, own.name);

    await page.getByLabel('Nom du service').fill('   ');
    await page.getByLabel('Numéro de téléphone 1').fill('appelez-nous');
    await page.getByRole('group', { name: 'Horaire 2' }).getByLabel('Ferme à').fill('07:00');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();

    await page.getByText('Certaines réponses sont à corriger : voir les messages en rouge.').waitFor();
    expect(await page.locator('#service-name-error').textContent()).toBe('Ce champ est obligatoire.');
    expect(await page.locator('#service-phone-0-error').textContent()).toBe('Format invalide.');
    expect(await page.locator('#service-hours-1-closes-error').textContent()).toBe("L'heure de fermeture doit suivre l'heure d'ouverture.");
    expect(await page.getByLabel('Numéro de téléphone 1').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toBe(`${env.server.url}/directory/services/${own.id}/edit`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const after = await stored(context.request, own.id);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.name).toBe(before.name);
    expect(after.phones).toEqual(before.phones);
    await context.close();
  });

  it('adds a new service, then takes it out of search after a confirmation in place', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.focalPoint);
    await page.goto(`${env.server.url}/directory/services/new`);
    await page.getByRole('heading', { level: 1, name: 'Nouveau service' }).waitFor();
    await page.getByText(`Service de ${env.server.focalPoint.organisationName}`).waitFor();
    await page.getByLabel('Nom du service').fill('Distribution de repas à Kayes');
    await page.getByRole('checkbox', { name: 'Alimentation', exact: true }).check();
    await page.getByLabel('Numéro de téléphone 1').fill('+223 00 00 00 05');
    await page.getByRole('button', { name: 'Ajouter le service' }).click();
    await page.waitForURL(/\/directory\/services\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    const created = await stored(context.request, id);
    expect(created.organisation.name).toBe(env.server.focalPoint.organisationName);
    expect(created.serviceTypes).toEqual(['food']);
    expect(created.costKinds).toEqual(['free']);
    expect(created.lastVerifiedAt).not.toBeNull();

    await openEdit(page, id, 'Distribution de repas à Kayes');
    await page.getByRole('button', { name: 'Désactiver ce service' }).click();
    const confirm = page.getByRole('group', { name: "Désactiver « Distribution de repas à Kayes » ? Il n'apparaîtra plus dans les recherches." });
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    expect((await stored(context.request, id)).status).toBe('active');
    await page.getByRole('button', { name: 'Désactiver ce service' }).click();
    await confirm.getByRole('button', { name: 'Oui, désactiver' }).click();
    await page.getByText('Service désactivé.').waitFor();
    expect((await stored(context.request, id)).status).toBe('inactive');
    await context.close();
  });
});
