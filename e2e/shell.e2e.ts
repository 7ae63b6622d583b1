import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();

const VIEWPORTS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

async function signIn(page: Page, user: E2eUser): Promise<void> {
  await signInThroughForm(page, user.email, user.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${user.displayName}` }).waitFor();
}

/** Opens a page through the main navigation, as a person would, and waits for its heading. */
async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

async function checkPage(page: Page, name: string): Promise<void> {
  // Nothing may force sideways scrolling, on the narrowest phone included.
  const viewport = page.viewportSize();
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} scrolls sideways`).toBeLessThanOrEqual(viewport?.width ?? 0);
  expect(await seriousAccessibilityViolations(page), name).toEqual([]);
  await saveScreenshot(page, name);
}

describe('main pages: screenshots, accessibility (axe-core) and layout', () => {
  for (const [size, viewport] of VIEWPORTS) {
    it(`signed out, on a ${size}: login and help`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await checkPage(page, `login-${size}`);
      await page.getByRole('link', { name: 'Utiliser Sira sans connexion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aide' }).waitFor();
      await checkPage(page, `help-signed-out-${size}`);
      await context.close();
    });

    it(`signed in as a frontline identifier, on a ${size}: home, account, help, unknown page`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await signIn(page, env.server.user);
      await checkPage(page, `home-${size}`);
      await openFromNavigation(page, 'Mon compte', 'Mon compte');
      await checkPage(page, `account-${size}`);
      await openFromNavigation(page, 'Aide', 'Aide');
      await checkPage(page, `help-${size}`);
      await page.goto(`${env.server.url}/no/such/page`);
      await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      await checkPage(page, `not-found-${size}`);
      await context.close();
    });

    it(`signed in as an administrator, on a ${size}: background jobs`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await signIn(page, env.server.admin);
      await openFromNavigation(page, 'Tâches de fond', 'Tâches de fond');
      await page.getByRole('list', { name: 'Nombre de tâches par état' }).waitFor();
      await checkPage(page, `jobs-${size}`);
      await context.close();
    });
  }
});

describe('navigation', () => {
  it('shows only the pages the user may open, and answers the others as not found', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signIn(page, env.server.user);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Accueil', 'Formulaires', 'Annuaire des services', 'Nouvelle personne', 'Dossiers', 'Orientations', 'Circuits', 'Mon compte', 'Aide']);
    await page.goto(`${env.server.url}/jobs`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();

    const admin = await openApp(env.browser, env.server.url);
    await signIn(admin.page, env.server.admin);
    const adminNav = admin.page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await adminNav.getByRole('link').allTextContents()).toEqual(['Accueil', 'Formulaires', 'Annuaire des services', 'Couverture', 'Circuits', 'Tâches de fond', 'Utilisateurs', 'Organisations', 'Rôles et permissions', "Jetons d'API", 'Mon compte', 'Aide']);
    await admin.context.close();
  });

  it('works with the keyboard alone: skip link, then each entry in order, Enter opens the page and focuses its heading', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
    await signIn(page, env.server.user);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();

    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Aller au contenu');
    // The notifications bell, named by its label (it shows only an icon and a count).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Notifications/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Se déconnecter');
    const order: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(['Accueil', 'Formulaires', 'Annuaire des services', 'Nouvelle personne', 'Dossiers', 'Orientations', 'Circuits', 'Mon compte', 'Aide']);
    // The focus ring is visible on a navigation entry.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');

    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Mon compte');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('account-title');
    const current = page.getByRole('link', { name: 'Mon compte' });
    await expect(current.getAttribute('aria-current')).resolves.toBe('page');
    expect(await page.title()).toBe('Mon compte · Sira');
    await context.close();
  });

  it('has touch targets of at least 44 px in the header and navigation on a phone', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.user);
    const targets = [page.getByRole('button', { name: 'Se déconnecter' }), ...(await page.getByRole('navigation').getByRole('link').all())];
    for (const target of targets) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await context.close();
  });
});
