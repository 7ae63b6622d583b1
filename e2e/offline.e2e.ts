import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm, waitForServiceWorker } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

const OFFLINE_NOTICE = 'Pas de connexion. Sira reste ouverte ; se connecter et envoyer des informations attendront le réseau.';

describe('offline (service worker)', () => {
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`opens with no connection after a first visit, says what works offline, and reaches the help page (${size})`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await waitForServiceWorker(page);

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      await page.getByRole('status').filter({ hasText: OFFLINE_NOTICE }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await saveScreenshot(page, `offline-login-${size}`);

      // Signing in needs the network, and the page says so rather than fail silently.
      await signInThroughForm(page, env.server.user.email, env.server.user.password);
      await page.getByRole('alert').filter({ hasText: 'Cette action demande le réseau. Réessayez quand la connexion revient.' }).waitFor();

      // A page never opened before still comes from the cache: the worker precached every route.
      await page.getByRole('link', { name: 'Ce qui marche sans connexion' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aide' }).waitFor();
      await page.getByRole('heading', { name: 'Ce qui marche', exact: true }).waitFor();
      await saveScreenshot(page, `offline-help-${size}`);

      await context.setOffline(false);
      await expect.poll(() => page.getByText(OFFLINE_NOTICE).count()).toBe(0);
      await context.close();
    });
  }

  it('shows nothing of a signed-in account while the server is out of reach, and comes back with the network', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Serveur injoignable' }).waitFor();
    const text = await page.locator('body').innerText();
    for (const personal of [env.server.user.displayName, env.server.user.email, env.server.user.organisationName]) expect(text).not.toContain(personal);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'offline-unreachable-phone');

    await context.setOffline(false);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await context.close();
  });

  it('never stores an API answer: the caches hold the app’s files only', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await waitForServiceWorker(page);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await page.getByRole('link', { name: 'Mon compte' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached).toContain('/manifest.fr.webmanifest');
    expect(cached.filter((url) => url.startsWith('/api/'))).toEqual([]);
    expect(cached.every((url) => url.startsWith('/assets/') || url.startsWith('/icons/') || /^\/[\w.-]+$/.test(url))).toBe(true);
    await context.close();
  });

  it('is installable: a translated manifest with PNG icons (maskable too), followed by the language on screen', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestUrl).toBe('/manifest.fr.webmanifest');
    const response = await context.request.get(`${env.server.url}${manifestUrl}`);
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as { name: string; short_name: string; lang: string; start_url: string; display: string; icons: Array<{ src: string; sizes: string; type: string; purpose: string }> };
    expect(manifest).toMatchObject({ name: 'Sira – Mécanisme national de référencement', short_name: 'Sira', lang: 'fr', start_url: '/', display: 'standalone' });
    expect(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512')).toBe(true);
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.type === 'image/png')).toBe(true);
    for (const icon of manifest.icons) {
      const file = await context.request.get(`${env.server.url}${icon.src}`);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()['content-type']).toContain(icon.type);
    }

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.en.webmanifest');
    const english = (await (await context.request.get(`${env.server.url}/manifest.en.webmanifest`)).json()) as { name: string; lang: string };
    expect(english).toMatchObject({ name: 'Sira – National referral mechanism', lang: 'en' });
    await context.close();
  });
});
