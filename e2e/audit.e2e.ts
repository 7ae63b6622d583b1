import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();
const EVENTS = 'Événements, du plus récent au plus ancien';

async function openAudit(page: Page): Promise<void> {
  const { auditor } = env.server;
  await signInThroughForm(page, auditor.email, auditor.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${auditor.displayName}` }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" }).click();
  await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor();
  await page.getByRole('list', { name: EVENTS }).waitFor();
}

describe('audit log viewer (auditors)', () => {
  it('on a phone: newest first, older events on demand, filters by type and date', async () => {
    // More sign-ins than one page holds (20), made the way any client would.
    const other = await env.browser.newContext();
    for (let i = 0; i < 22; i++) {
      const answer = await other.request.post(`${env.server.url}/api/auth/login`, { data: { email: env.server.admin.email, password: env.server.admin.password } });
      expect(answer.status()).toBe(200);
    }
    await other.close();

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await openAudit(page);
    const list = page.getByRole('list', { name: EVENTS });
    const items = list.getByRole('listitem');
    // The newest event is the auditor's own sign-in, its type in words.
    await expect(items.first().textContent()).resolves.toContain('Connexion réussie');
    expect(await items.count()).toBe(20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const older = page.getByRole('button', { name: 'Événements plus anciens' });
    expect(await height(older)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await older.click();
    await page.waitForFunction(() => document.querySelectorAll('ol li').length > 20);
    // Commands keep their name next to the translated type: the seed's accounts were created so.
    await list.getByText('user.create').first().waitFor();

    await page.getByLabel("Quoi (type d'événement)").selectOption({ label: 'Commande appliquée' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    // Waits for the filtered answer: a non-empty list of commands only (not the loading state).
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('ol li')];
      return shown.length > 0 && shown.every((li) => li.textContent?.includes('Commande appliquée'));
    });

    // Nothing has happened tomorrow yet.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Du', { exact: true }).fill(tomorrow);
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Aucun événement ne correspond.').waitFor();

    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await list.waitFor();
    await expect(items.first().textContent()).resolves.toContain('Connexion réussie');
    await context.close();
  });

  it('on a desktop: passes axe, and is not offered to an administrator', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
    await openAudit(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();

    const admin = await openApp(env.browser, env.server.url, DESKTOP);
    await signInThroughForm(admin.page, env.server.admin.email, env.server.admin.password);
    await admin.page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.admin.displayName}` }).waitFor();
    await admin.page.goto(`${env.server.url}/audit`);
    await admin.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await admin.context.close();
  });
});
