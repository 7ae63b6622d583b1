import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

/** Through the main navigation, as a person would, on a phone too. */
async function followNav(page: Page, label: string, path: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label });
  expect(await link.getAttribute('href')).toBe(path);
  await link.click();
}

interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  type: string;
  country: string;
  regionPcodes: string[];
  active: boolean;
}

async function openOrganisations(page: Page): Promise<void> {
  await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.admin.displayName}` }).waitFor();
  await followNav(page, 'Organisations', '/organisations');
  await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  await page.getByRole('heading', { name: env.server.user.organisationName }).waitFor();
}

/** The organisation as the server now holds it, read with the administrator's session. */
async function stored(request: APIRequestContext, name: string): Promise<Organisation | undefined> {
  const answer = await request.get(`${env.server.url}/api/organisations`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: Organisation[] }).items.find((o) => o.name === name);
}

describe('organisations screen (administrators and coordinators)', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`on a ${name}: an admin registers an organisation, corrects it, deactivates and reactivates it`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await openOrganisations(page);
      // The seeded organisation's region reads as a name, not a P-code.
      const seeded = page.getByRole('listitem').filter({ hasText: env.server.user.organisationName });
      await seeded.getByText('Régions : Kayes').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      const organisation = { name: `Centre Laafi de Ouahigouya ${name}`, acronym: `CLO-${name}` };
      await page.getByRole('button', { name: 'Nouvelle organisation' }).click();
      // Nothing chosen: the form says what is missing, and offers regions only once a country is chosen.
      await page.getByText("Choisissez d'abord le pays : ses régions s'affichent ici.").waitFor();
      await page.getByRole('button', { name: "Créer l'organisation" }).click();
      await expect(page.getByLabel('Nom', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByLabel("Type d'organisation").getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel('Nom', { exact: true }).fill(organisation.name);
      await page.getByLabel('Sigle (facultatif)').fill(organisation.acronym);
      await page.getByLabel("Type d'organisation").selectOption({ label: 'Organisation communautaire' });
      // Mali first, a region ticked, then Burkina Faso: only Burkina's regions are offered and kept.
      await page.getByLabel('Pays').selectOption({ label: 'Mali' });
      await page.getByRole('checkbox', { name: 'Gao' }).check();
      await page.getByLabel('Pays').selectOption({ label: 'Burkina Faso' });
      expect(await page.getByRole('checkbox', { name: 'Gao' }).count()).toBe(0);
      await page.getByRole('checkbox', { name: 'Kadiogo' }).check();
      await page.getByRole('checkbox', { name: 'Liptako' }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      for (const target of [page.getByRole('button', { name: "Créer l'organisation" }), page.getByLabel('Pays'), page.getByRole('checkbox', { name: 'Kadiogo' }).locator('xpath=..')]) {
        expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
      }
      await page.getByRole('button', { name: "Créer l'organisation" }).click();

      const row = page.getByRole('listitem').filter({ hasText: organisation.name });
      await row.getByText('Organisation communautaire · Burkina Faso').waitFor();
      await row.getByText('Régions : Kadiogo, Liptako').waitFor();
      await row.getByText('Organisation active').waitFor();
      const created = await stored(context.request, organisation.name);
      expect(created).toMatchObject({ acronym: organisation.acronym, type: 'community_based', country: 'BF', active: true });
      expect([...(created?.regionPcodes ?? [])].sort()).toEqual(['BF13', 'BF56']);

      // Corrected: another type, the acronym removed, one region fewer.
      await row.getByRole('button', { name: `Modifier l'organisation ${organisation.name}` }).click();
      await row.getByText('Pays : Burkina Faso').waitFor();
      await row.getByLabel('Sigle (facultatif)').fill('');
      await row.getByLabel("Type d'organisation").selectOption({ label: 'ONG' });
      await row.getByRole('checkbox', { name: 'Liptako' }).uncheck();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await row.getByRole('button', { name: 'Enregistrer' }).click();
      await row.getByText('ONG · Burkina Faso').waitFor();
      await row.getByText('Régions : Kadiogo', { exact: true }).waitFor();
      expect(await stored(context.request, organisation.name)).toMatchObject({ acronym: null, type: 'ngo', regionPcodes: ['BF13'] });

      // Deactivation asks first, can be cancelled, then applies; and back.
      await row.getByRole('button', { name: `Désactiver l'organisation ${organisation.name}` }).click();
      await row.getByRole('button', { name: 'Annuler' }).click();
      expect((await stored(context.request, organisation.name))?.active).toBe(true);
      await row.getByRole('button', { name: `Désactiver l'organisation ${organisation.name}` }).click();
      await row.getByText(`Désactiver l'organisation ${organisation.name} ? Elle sera signalée comme inactive ; rien n'est effacé.`).waitFor();
      await row.getByRole('button', { name: 'Oui, confirmer' }).click();
      await row.getByText('Organisation désactivée').waitFor();
      expect((await stored(context.request, organisation.name))?.active).toBe(false);
      // Still shown as such after a reload: the state comes from the server.
      await page.reload();
      await page.getByRole('listitem').filter({ hasText: organisation.name }).getByText('Organisation désactivée').waitFor();
      await row.getByRole('button', { name: `Réactiver l'organisation ${organisation.name}` }).click();
      await row.getByRole('button', { name: 'Oui, confirmer' }).click();
      await row.getByText('Organisation active').waitFor();
      expect((await stored(context.request, organisation.name))?.active).toBe(true);
      await context.close();
    });
  }

  it('is not offered to a frontline identifier, and answers as not found', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const entry of ['Organisations', 'Rôles et permissions', "Jetons d'API"]) expect(await nav.getByRole('link', { name: entry }).count()).toBe(0);
    await page.goto(`${env.server.url}/organisations`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
