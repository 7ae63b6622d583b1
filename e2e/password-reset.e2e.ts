import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();
const NEW_PASSWORD = 'a river at dawn in Mopti';
const PASSWORD = 'Mot de passe choisi';
const CONFIRM = 'Le même mot de passe, encore une fois';
const SAVE = 'Enregistrer le mot de passe';

/** An administrator issues a link for the frontline identifier and copies it, as they would to hand it over. */
async function issueLink(): Promise<string> {
  const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.admin.displayName}` }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
  const row = page.getByRole('listitem').filter({ hasText: env.server.user.email });
  await row.getByRole('button', { name: `Gérer le compte de ${env.server.user.displayName}` }).click();
  await row.getByRole('button', { name: 'Créer un lien à usage unique' }).click();
  const shown = await row.getByLabel('Lien à transmettre').inputValue();
  await row.getByRole('button', { name: 'Copier le lien' }).click();
  await row.getByRole('button', { name: 'Lien copié' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  await context.close();
  return copied;
}

/** Every request the page makes, to show what reached the server and what did not. */
function recordRequests(page: Page): { url: string; body: string | null }[] {
  const seen: { url: string; body: string | null }[] = [];
  page.on('request', (request) => seen.push({ url: request.url(), body: request.postData() }));
  return seen;
}

describe('password reset with an administrator-issued link', () => {
  it('on a phone: sets a new password once; bad input is refused in French; the old password and the link stop working', async () => {
    const link = await issueLink();
    expect(link).toMatch(new RegExp(`^${env.server.url}/reset#[A-Za-z0-9_-]{20,}$`));
    const token = link.split('#')[1]!;

    // A fresh phone, nobody signed in.
    const { context, page } = await openApp(env.browser, `${env.server.url}/help`, PHONE);
    const requests = recordRequests(page);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Nouveau mot de passe' }).waitFor();
    await page.getByLabel(PASSWORD).waitFor();
    // Read, then taken out of the address bar and the history.
    await expect.poll(() => page.evaluate(() => location.href)).toBe(`${env.server.url}/reset`);
    expect(page.url()).not.toContain(token);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    for (const target of [page.getByLabel(PASSWORD), page.getByLabel(CONFIRM), page.getByRole('button', { name: SAVE })]) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);

    const posted = () => requests.filter((r) => r.url.endsWith('/api/auth/password-reset'));
    // Typed differently twice: said next to the second field, nothing sent.
    await page.getByLabel(PASSWORD).fill(NEW_PASSWORD);
    await page.getByLabel(CONFIRM).fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('Les deux mots de passe ne sont pas identiques.').waitFor();
    await expect(page.getByLabel(CONFIRM).getAttribute('aria-invalid')).resolves.toBe('true');
    // Too short: the server's rule, checked on the phone, nothing sent.
    await page.getByLabel(PASSWORD).fill('short');
    await page.getByLabel(CONFIRM).fill('short');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('Au moins 12 caractères.', { exact: true }).waitFor();
    await expect(page.getByLabel(PASSWORD).getAttribute('aria-invalid')).resolves.toBe('true');
    expect(posted()).toHaveLength(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Too common: only the server knows the list; the link is not spent by the refusal.
    await page.getByLabel(PASSWORD).fill('Motdepasse2026!');
    await page.getByLabel(CONFIRM).fill('Motdepasse2026!');
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByText('Ce mot de passe est trop courant.', { exact: false }).waitFor();
    expect(posted()).toHaveLength(1);

    await page.getByLabel(PASSWORD).fill(NEW_PASSWORD);
    await page.getByLabel(CONFIRM).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: SAVE }).click();
    await page.getByRole('heading', { name: 'Mot de passe enregistré' }).waitFor();
    // Focus follows the outcome, so that a screen reader reads it out.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reset-done-title');
    expect(posted()).toHaveLength(2);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The token travelled in request bodies only, never in an address.
    expect(requests.filter((r) => r.url.includes(token))).toEqual([]);
    expect(posted().every((r) => r.body?.includes(token))).toBe(true);

    // Signing in: the old password fails, the new one works.
    await page.getByRole('link', { name: 'Se connecter' }).click();
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect.' }).waitFor();
    await signInThroughForm(page, env.server.user.email, NEW_PASSWORD);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await context.close();

    // The same link a second time: refused when sent, with what to do instead, and no form left.
    const again = await openApp(env.browser, link, PHONE);
    await again.page.getByLabel(PASSWORD).fill('another fresh passphrase');
    await again.page.getByLabel(CONFIRM).fill('another fresh passphrase');
    await again.page.getByRole('button', { name: SAVE }).click();
    await again.page.getByRole('heading', { name: 'Ce lien ne fonctionne plus' }).waitFor();
    await again.page.getByText("Demandez un nouveau lien à l'administrateur de votre organisation", { exact: false }).waitFor();
    expect(await again.page.getByLabel(PASSWORD).count()).toBe(0);
    expect(await seriousAccessibilityViolations(again.page)).toEqual([]);
    // And the password set with it is the one that still works.
    expect((await again.context.request.post(`${env.server.url}/api/auth/login`, { data: { email: env.server.user.email, password: NEW_PASSWORD } })).status()).toBe(200);
    await again.context.close();
  });

  it('explains a link that lost its token, and offers the way to sign in', async () => {
    const { context, page } = await openApp(env.browser, `${env.server.url}/reset`, PHONE);
    await page.getByRole('heading', { name: 'Ce lien est incomplet' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Aller à la page de connexion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await context.close();
  });
});
