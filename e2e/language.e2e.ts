import { describe, expect, it } from 'vitest';
import { htmlLang, openApp, signInThroughForm } from './support/browser.ts';
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
});
