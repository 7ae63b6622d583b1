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
    await context.close();
  });
});
