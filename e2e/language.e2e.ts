import { describe, expect, it } from 'vitest';
import { htmlLang, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

describe('language', () => {
  it('switches to English then Bambara, sets <html lang>, and keeps the choice across a reload', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Sign in');
    expect(await page.getByLabel('Email address').isVisible()).toBe(true);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await expect(htmlLang(page)).resolves.toBe('en');
    await expect(page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).resolves.toBe('true');

    await page.getByRole('button', { name: 'Bamanankan' }).click();
    await expect(page.getByLabel('Imɛli').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Gundodaɲɛ').isVisible()).resolves.toBe(true);
    await expect(htmlLang(page)).resolves.toBe('bm');
    await expect(page.getByRole('button', { name: 'Bamanankan' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.getByRole('button', { name: 'Français' }).getAttribute('aria-pressed')).resolves.toBe('false');

    await page.reload();
    await page.getByLabel('Gundodaɲɛ').waitFor();
    await expect(htmlLang(page)).resolves.toBe('bm');
    await expect(page.getByRole('group', { name: 'Kan' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('asks the server to answer in the chosen language', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.getByRole('button', { name: 'Bamanankan' }).click();
    const request = page.waitForRequest('**/api/auth/login');
    await signInThroughForm(page, env.server.user.email, 'not the right password', { email: 'Imɛli', password: 'Gundodaɲɛ', submit: 'Don' });
    expect((await request).headers()['accept-language']).toBe('bm');
    await page.getByRole('alert').filter({ hasText: 'Imɛli walima gundodaɲɛ man ɲi.' }).waitFor();
    await context.close();
  });

  it('follows the signed-in user’s language, and gives the device its own back after sign-out', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await signInThroughForm(page, env.server.user.email, env.server.user.password, { email: 'Email address', password: 'Password', submit: 'Sign in' });
    // The user's account says French.
    await page.getByRole('heading', { name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('fr');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('en');
    await context.close();
  });

  it('remembers a signed-in user’s language on the server: across sign-out and sign-in, and on another phone', async () => {
    const { user } = env.server;
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, user.email, user.password);
    await page.getByRole('heading', { name: `Bonjour, ${user.displayName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();

    const saved = page.waitForRequest('**/api/commands/user.set_locale');
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    expect((await saved).postDataJSON()).toMatchObject({ input: { locale: 'en' } });
    await page.getByRole('status').filter({ hasText: 'Language saved.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('en');

    // The phone itself was never switched: the next person gets French back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await signInThroughForm(page, user.email, user.password);
    await page.getByRole('heading', { level: 1, name: `Hello, ${user.displayName}` }).waitFor();
    await context.close();

    const other = await openApp(env.browser, env.server.url);
    await signInThroughForm(other.page, user.email, user.password);
    await other.page.getByRole('heading', { level: 1, name: `Hello, ${user.displayName}` }).waitFor();
    await expect(htmlLang(other.page)).resolves.toBe('en');

    // Back to French, so that the other tests of this file find the account as seeded.
    await other.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My account' }).click();
    await other.page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Français' }).click();
    await other.page.getByRole('status').filter({ hasText: 'Langue enregistrée.' }).waitFor();
    await other.context.close();
  });

  it('shows the account page in Bambara, with dates, numbers and amounts readable on a phone without Bambara data', async () => {
    const { user } = env.server;
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, user.email, user.password);
    await page.getByRole('heading', { name: `Bonjour, ${user.displayName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'Bamanankan' }).click();
    await page.getByRole('status').filter({ hasText: 'Kan maralen don.' }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('bm');

    const facts = await page.locator('dl.facts').last().locator('dd').allTextContents();
    const expected = await page.evaluate(() => {
      // Chromium ships no Bambara dates: the app must fall back to Mali's French, not American English.
      const bmSupported = Intl.DateTimeFormat.supportedLocalesOf(['bm']).length > 0;
      return { bmSupported, date: new Intl.DateTimeFormat(bmSupported ? 'bm-ML' : 'fr-ML', { dateStyle: 'full' }).format(new Date()) };
    });
    expect(facts[0]).toBe(expected.date);
    if (!expected.bmSupported) expect(facts[0]).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/);
    expect(facts[1]?.replace(/[\u202f\u00a0]/g, ' ')).toBe('1 234 567,5');
    expect(facts[2]?.replace(/[\u202f\u00a0]/g, ' ')).toBe('125 000 F CFA');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'account-bambara-phone');

    await page.getByRole('group', { name: 'Kan' }).getByRole('button', { name: 'Français' }).click();
    await page.getByRole('status').filter({ hasText: 'Langue enregistrée.' }).waitFor();
    await context.close();
  });
});
