import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, launchBrowser, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { type E2eServer, startE2eServer } from './support/server.ts';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility (axe-core: no serious or critical violation)', () => {
  for (const [name, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`login page, on a ${name}, also once an error is shown`, async () => {
      const { context, page } = await openApp(browser, server.url, viewport);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await signInThroughForm(page, server.user.email, 'not the right password');
      await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('login page in Bambara', async () => {
    const { context, page } = await openApp(browser, server.url);
    await page.getByRole('button', { name: 'Bamanankan' }).click();
    await page.getByLabel('Gundodaɲɛ').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('home page', async () => {
    const { context, page } = await openApp(browser, server.url);
    await signInThroughForm(page, server.user.email, server.user.password);
    await page.getByRole('heading', { name: `Bonjour, ${server.user.displayName}` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('the skip link is the first stop and moves focus to the content', async () => {
    const { context, page } = await openApp(browser, server.url);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Aller au contenu' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });
});
