import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../src/domain/identity/roles.ts';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

/** Through the main navigation, as a person would, on a phone too. */
async function followNav(page: Page, label: string, path: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label });
  expect(await link.getAttribute('href')).toBe(path);
  await link.click();
}

async function openTokens(page: Page): Promise<void> {
  await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.admin.displayName}` }).waitFor();
  await followNav(page, "Jetons d'API", '/tokens');
  await page.getByRole('heading', { level: 1, name: "Jetons d'API" }).waitFor();
}

/** A call as an integration would make it: no cookie, the token in the Authorization header. */
function withToken(token: string, path: string): Promise<Response> {
  return fetch(`${env.server.url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
}

async function command(request: APIRequestContext, name: string, input: unknown): Promise<void> {
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const answer = await request.post(`${env.server.url}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: randomUUID(), input } });
  expect(answer.status(), await answer.text()).toBe(200);
}

const USER_MANAGE_EVERYWHERE = 'Gérer les comptes des utilisateurs — toutes les organisations';

describe('API tokens screen', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`on a ${name}: an admin creates a token shown once, it authenticates an integration, and stops after revocation`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
      await openTokens(page);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      const tokenName = `Passerelle SMS ${name}`;
      await page.getByRole('button', { name: 'Nouveau jeton' }).click();
      // Nothing filled in: the name is asked for.
      await page.getByRole('button', { name: 'Créer le jeton' }).click();
      await expect(page.getByLabel('Nom du jeton').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel('Nom du jeton').fill(tokenName);
      await page.getByRole('checkbox', { name: USER_MANAGE_EVERYWHERE }).check();
      await page.getByLabel('Expiration').selectOption({ label: 'Dans 30 jours' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      for (const target of [page.getByRole('button', { name: 'Créer le jeton' }), page.getByLabel('Nom du jeton'), page.getByLabel('Expiration')]) {
        expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
      }
      await page.getByRole('button', { name: 'Créer le jeton' }).click();

      // Shown once, with the warning, and copied to the clipboard by its button.
      await page.getByRole('heading', { name: `Jeton « ${tokenName} » créé` }).waitFor();
      await page.getByText('Copiez ce jeton maintenant : vous ne le reverrez plus.', { exact: false }).waitFor();
      const token = await page.getByLabel('Jeton', { exact: true }).inputValue();
      expect(token).toMatch(/^sira_[\w-]{20,}$/);
      await page.getByRole('button', { name: 'Copier le jeton' }).click();
      await page.getByText('Jeton copié.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // The integration is the admin, narrowed to the scopes given.
      const me = await withToken(token, '/api/auth/me');
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe(env.server.admin.email);
      expect((await withToken(token, '/api/users')).status).toBe(200);
      expect((await withToken(token, '/api/admin/jobs')).status).not.toBe(200);

      // Put away: the token is gone from the page, and a reload does not bring it back.
      await page.getByRole('button', { name: "J'ai mis le jeton en lieu sûr" }).click();
      expect(await page.getByLabel('Jeton', { exact: true }).count()).toBe(0);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: "Jetons d'API" }).waitFor();
      const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: tokenName }) });
      await row.getByText('Jeton actif').waitFor();
      await row.getByText(USER_MANAGE_EVERYWHERE).waitFor();
      await row.getByText(/^Dernière utilisation : /).waitFor();
      await row.getByText(/^Expire le /).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await page.getByText(token).count()).toBe(0);
      expect(await page.locator(`input[value="${token}"]`).count()).toBe(0);

      // Revocation asks first, can be cancelled, then applies at once.
      await row.getByRole('button', { name: `Révoquer le jeton ${tokenName}` }).click();
      await row.getByRole('button', { name: 'Annuler' }).click();
      expect((await withToken(token, '/api/auth/me')).status).toBe(200);
      await row.getByRole('button', { name: `Révoquer le jeton ${tokenName}` }).click();
      await row.getByText(`Révoquer le jeton ${tokenName} ? Il cessera de fonctionner immédiatement, pour de bon.`).waitFor();
      await row.getByRole('button', { name: 'Oui, confirmer' }).click();
      await row.getByText(/^Révoqué le /).waitFor();
      expect(await row.getByRole('button', { name: /^Révoquer/ }).count()).toBe(0);
      expect((await withToken(token, '/api/auth/me')).status).toBe(401);
      await context.close();
    });
  }

  it('on a desktop: a scope the person no longer holds is refused by the server, in words', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
    await openTokens(page);
    await page.getByRole('button', { name: 'Nouveau jeton' }).click();
    const jobs = page.getByRole('checkbox', { name: 'Suivre et relancer les tâches de fond' });
    await jobs.waitFor();
    // Meanwhile the system administrator role loses that permission (another administrator's change).
    const without = DEFAULT_ROLES.system_admin.permissions.filter((p) => p !== 'job.manage');
    await command(context.request, 'role.save', { key: 'system_admin', permissions: without, requiresTotp: false });
    try {
      await page.getByLabel('Nom du jeton').fill('Tableau de bord des tâches');
      await jobs.check();
      await page.getByRole('button', { name: 'Créer le jeton' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Certaines informations sont invalides.' });
      await alert.getByText("Vous n'avez pas cette permission : un jeton ne peut pas avoir plus de droits que vous.").waitFor();
      const tokens = (await (await context.request.get(`${env.server.url}/api/api-tokens`)).json()) as { items: { name: string }[] };
      expect(tokens.items.map((t) => t.name)).not.toContain('Tableau de bord des tâches');
    } finally {
      await command(context.request, 'role.reset', { key: 'system_admin' });
    }
    await context.close();
  });

  it('is not offered to a frontline identifier, and answers as not found', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Jetons d'API" }).count()).toBe(0);
    await page.goto(`${env.server.url}/tokens`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
