import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

async function signInToAccount(page: Page, email: string, password: string, name: string): Promise<void> {
  await signInThroughForm(page, email, password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${name}` }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
}

describe('my account: sessions and password', () => {
  it('on a phone: lists my sessions and signs out my other devices after a confirmation', async () => {
    const person = env.server.admin;
    const other = await openApp(env.browser, env.server.url, DESKTOP);
    await signInThroughForm(other.page, person.email, person.password);
    await other.page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signInToAccount(page, person.email, person.password, person.displayName);
    const sessions = page.getByRole('region', { name: 'Mes sessions ouvertes' });
    await sessions.getByText('Cet appareil').waitFor();
    expect(await sessions.getByRole('listitem').count()).toBe(2);
    // This device's own session is not offered for ending here (signing out does that).
    expect(await sessions.getByRole('button', { name: 'Fermer cette session' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const signOutOthers = sessions.getByRole('button', { name: 'Déconnecter tous les autres appareils' });
    expect(await height(signOutOthers)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await signOutOthers.click();
    await sessions.getByText('Fermer toutes vos sessions, sauf celle de cet appareil ?').waitFor();
    await sessions.getByRole('button', { name: 'Annuler' }).click();
    expect((await other.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(200);
    await signOutOthers.click();
    await sessions.getByRole('button', { name: 'Oui, confirmer' }).click();
    await sessions.getByText('Aucune autre session ouverte.').waitFor();
    expect(await sessions.getByRole('listitem').count()).toBe(1);
    expect((await other.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);
    expect((await context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(200);
    await other.context.close();
    await context.close();
  });

  it('changes my password: wrong current password, mismatch and a common one are refused in French; other sessions end', async () => {
    const person = env.server.user;
    const other = await openApp(env.browser, env.server.url, DESKTOP);
    await signInThroughForm(other.page, person.email, person.password);
    await other.page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signInToAccount(page, person.email, person.password, person.displayName);
    const form = page.getByRole('form', { name: 'Changer mon mot de passe' });
    const current = form.getByLabel('Mot de passe actuel');
    const next = form.getByLabel('Nouveau mot de passe', { exact: true });
    const again = form.getByLabel('Le nouveau mot de passe, encore une fois');
    const submit = form.getByRole('button', { name: 'Changer le mot de passe' });
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/commands/user.change_password')) sent.push(r.url());
    });
    for (const target of [current, next, again, submit]) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);

    await current.fill(person.password);
    await next.fill('a fresh long passphrase');
    await again.fill('a fresh long passphrase?');
    await submit.click();
    await form.getByText('Les deux mots de passe ne sont pas identiques.').waitFor();
    expect(sent).toHaveLength(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await current.fill('not my password at all');
    await again.fill('a fresh long passphrase');
    await submit.click();
    await form.getByText('Mot de passe actuel incorrect.').waitFor();
    await expect(current.getAttribute('aria-invalid')).resolves.toBe('true');

    await current.fill(person.password);
    await next.fill('Motdepasse2026!');
    await again.fill('Motdepasse2026!');
    await submit.click();
    await form.getByText('Ce mot de passe est trop courant.', { exact: false }).waitFor();
    expect(sent).toHaveLength(2);

    await next.fill('a fresh long passphrase');
    await again.fill('a fresh long passphrase');
    await submit.click();
    await form.getByText('Mot de passe changé.', { exact: false }).waitFor();
    expect(await current.inputValue()).toBe('');
    expect((await other.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);
    expect((await context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(200);
    const login = (password: string) => other.context.request.post(`${env.server.url}/api/auth/login`, { data: { email: person.email, password } });
    expect((await login(person.password)).status()).toBe(401);
    expect((await login('a fresh long passphrase')).status()).toBe(200);
    await other.context.close();
    await context.close();
  });
});
