import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, height, openApp, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

describe('session', () => {
  it('signs in to the welcome page, keeps the session across a reload, and signs out to the login page', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);

    const welcome = page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` });
    await welcome.waitFor();
    expect(await page.getByText(`Organisation : ${env.server.user.organisationName}`).isVisible()).toBe(true);
    // Focus follows the page change, so a screen reader announces where the person now is.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('home-title');
    const cookie = (await context.cookies()).find((c) => c.name === 'sira_session');
    expect(cookie?.httpOnly).toBe(true);
    const signOut = page.getByRole('button', { name: 'Se déconnecter' });
    expect(await height(signOut)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);

    await page.reload();
    await welcome.waitFor();
    expect(await page.getByText(`Organisation : ${env.server.user.organisationName}`).isVisible()).toBe(true);

    const logout = page.waitForRequest('**/api/auth/logout');
    await signOut.click();
    expect((await logout).headers()['x-csrf-token']).toBeTruthy();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect((await context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await context.close();
  });

  it('serves the app at any deep link, and caches hashed assets for good', async () => {
    const { context, page } = await openApp(env.browser, `${env.server.url}/cases/some/deep/link`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Connexion');
    const script = await page.locator('script[type="module"]').getAttribute('src');
    const asset = await context.request.get(`${env.server.url}${script}`);
    expect(asset.headers()['cache-control']).toContain('immutable');
    // Precompressed at build time: a 2G phone downloads the Brotli file, a third of the bytes.
    const raw = await fetch(`${env.server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    const brotli = await fetch(`${env.server.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(raw.headers.get('content-encoding')).toBeNull();
    // fetch decompresses the body, so compare the bytes actually sent.
    expect(Number(brotli.headers.get('content-length'))).toBeGreaterThan(0);
    expect(Number(brotli.headers.get('content-length'))).toBeLessThan(Number(raw.headers.get('content-length')) / 2);
    await context.close();
  });

  it('ends the session on screen when the server ends it, with a translated reason, and shows nothing of the account', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();

    // Signed out elsewhere (another tab, an administrator, the idle timeout).
    const me = await (await context.request.get(`${env.server.url}/api/auth/me`)).json();
    expect((await context.request.post(`${env.server.url}/api/auth/logout`, { headers: { 'x-csrf-token': me.csrfToken } })).status()).toBe(204);

    // The next call answers 401: the app goes back to the login page, in French, and says why.
    await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Veuillez vous connecter pour continuer.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('body').innerText()).not.toContain(env.server.user.displayName);
    await context.close();
  });

  it('keeps server data while moving between pages, and forgets it at sign-out', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    let jobRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/admin/jobs') jobRequests++;
    });
    await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Tâches de fond' }).click();
    await page.getByRole('list', { name: 'Nombre de tâches par état' }).waitFor();
    await nav.getByRole('link', { name: 'Accueil' }).click();
    await nav.getByRole('link', { name: 'Tâches de fond' }).click();
    await page.getByRole('list', { name: 'Nombre de tâches par état' }).waitFor();
    expect(jobRequests).toBe(1); // answered from memory on 2G, not asked again

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
    await nav.getByRole('link', { name: 'Tâches de fond' }).click();
    await page.getByRole('list', { name: 'Nombre de tâches par état' }).waitFor();
    expect(jobRequests).toBe(2); // a new session starts from an empty cache
    await context.close();
  });
});
