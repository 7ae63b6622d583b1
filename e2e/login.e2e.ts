import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, htmlLang, openApp, saveScreenshot, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

describe('login page', () => {
  it('is in French on a phone (360×640), fits the screen, and has 44 px touch targets', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');
    await expect(htmlLang(page)).resolves.toBe('fr');
    await expect(page.getByLabel('Adresse e-mail').getAttribute('autocomplete')).resolves.toBe('username');
    await expect(page.getByLabel('Mot de passe').getAttribute('autocomplete')).resolves.toBe('current-password');
    expect(await page.locator('main').count()).toBe(1);
    // Nothing may force sideways scrolling on the narrowest phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const targets = [
      page.getByRole('button', { name: 'Se connecter' }),
      page.getByRole('button', { name: 'Français' }),
      page.getByRole('button', { name: 'English' }),
      page.getByRole('button', { name: 'Bamanankan' }),
      page.getByLabel('Adresse e-mail'),
      page.getByLabel('Mot de passe'),
    ];
    for (const target of targets) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    // Every language name is readable in full, not cut by its button.
    const clipped = await page.locator('button[lang]').evaluateAll((buttons) => buttons.filter((b) => b.scrollWidth > b.clientWidth).map((b) => b.textContent));
    expect(clipped).toEqual([]);

    await saveScreenshot(page, 'login-first-visit-phone');
    await context.close();
  });

  it('is in French on a desktop (1280×800), with the form kept to a readable width', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');
    await expect(htmlLang(page)).resolves.toBe('fr');
    expect(await page.getByLabel('Adresse e-mail').isVisible()).toBe(true);
    expect(await page.getByLabel('Mot de passe').isVisible()).toBe(true);
    expect(await page.title()).toBe('Connexion · Sira');
    const form = await page.locator('form').boundingBox();
    expect(form?.width).toBeLessThan(500);
    await context.close();
  });

  it('shows the server’s French message on a wrong password, and changes nothing', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, 'not the right password');
    const alert = page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' });
    await alert.waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');
    await expect(page.getByLabel('Adresse e-mail').inputValue()).resolves.toBe(env.server.user.email);
    // The password is emptied and focused, ready to be typed again.
    await expect(page.getByLabel('Mot de passe').inputValue()).resolves.toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('password');
    expect((await context.cookies()).map((c) => c.name)).not.toContain('sira_session');
    expect((await context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);
    await context.close();
  });

  it('flags empty fields next to them without calling the server', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    let calls = 0;
    await page.route('**/api/auth/login', (route) => {
      calls++;
      return route.continue();
    });
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const email = page.getByLabel('Adresse e-mail');
    // The check runs asynchronously (its code may still be loading): wait for its verdict.
    await page.locator('#email[aria-invalid="true"]').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = await email.getAttribute('aria-describedby');
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toBe('Ce champ est obligatoire.');
    await expect(page.getByLabel('Mot de passe').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(calls).toBe(0);
    await context.close();
  });

  it('disables the submit button while signing in', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/auth/login', async (route) => {
      await held;
      await route.continue();
    });
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    const busy = page.getByRole('button', { name: 'Connexion…' });
    await busy.waitFor();
    expect(await busy.isDisabled()).toBe(true);
    release();
    await page.getByRole('heading', { name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await context.close();
  });

  it('says the server is not answering when the network fails', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await page.route('**/api/auth/login', (route) => route.abort('internetdisconnected'));
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('alert').filter({ hasText: 'Le serveur ne répond pas. Vérifiez la connexion puis réessayez.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Se connecter' }).isEnabled()).toBe(true);
    await context.close();
  });
});
