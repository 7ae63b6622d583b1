import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, type OpenedApp, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

/** Through the main navigation, as a person would, on a phone too. */
async function followNav(page: Page, label: string, path: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label });
  expect(await link.getAttribute('href')).toBe(path);
  await link.click();
}

interface Role {
  key: string;
  customised: boolean;
  permissions: string[];
  requiresTotp: boolean;
}

async function signIn(page: Page, who: { email: string; password: string; displayName: string }): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
}

async function openRoles(page: Page): Promise<void> {
  await signIn(page, env.server.admin);
  await followNav(page, 'Rôles et permissions', '/roles');
  await page.getByRole('heading', { level: 1, name: 'Rôles et permissions' }).waitFor();
}

async function storedRole(request: APIRequestContext, key: string): Promise<Role | undefined> {
  const answer = await request.get(`${env.server.url}/api/roles`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { items: Role[] }).items.find((r) => r.key === key);
}

const auditLink = (app: OpenedApp) => app.page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: "Journal d'audit" });

describe('roles screen (role managers)', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`on a ${name}: an admin takes a permission from a role, its holders lose the page, and the default comes back`, async () => {
      const admin = await openApp(env.browser, env.server.url, viewport);
      const { page } = admin;
      await openRoles(page);
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Auditeur', exact: true }) });
      await card.getByText('Réglages par défaut').waitFor();
      await card.getByText("Lire le journal d'audit").waitFor();
      await card.getByRole('button', { name: 'Modifier le rôle Auditeur' }).click();
      const auditRead = card.getByRole('checkbox', { name: "Lire le journal d'audit" });
      expect(await auditRead.isChecked()).toBe(true);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      for (const target of [card.getByRole('button', { name: 'Enregistrer le rôle Auditeur' }), auditRead.locator('xpath=..')]) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);

      // The auditor, signed in on their phone, sees the audit log.
      const auditor = await openApp(env.browser, env.server.url, PHONE);
      await signIn(auditor.page, env.server.auditor);
      await auditLink(auditor).waitFor();

      await auditRead.uncheck();
      await card.getByRole('button', { name: 'Enregistrer le rôle Auditeur' }).click();
      await card.getByText('Modifications enregistrées.').waitFor();
      await card.getByText('Modifié par un administrateur').waitFor();
      expect(await storedRole(admin.context.request, 'auditor')).toMatchObject({ customised: true, permissions: [] });

      // At their next page load the entry is gone, and the address answers as not found.
      await auditor.page.reload();
      await auditor.page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.auditor.displayName}` }).waitFor();
      expect(await auditLink(auditor).count()).toBe(0);
      await auditor.page.goto(`${env.server.url}/audit`);
      await auditor.page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();

      // Restoring the default asks first, then gives the permission back.
      await card.getByRole('button', { name: 'Rétablir par défaut le rôle Auditeur' }).click();
      await card.getByText('Rendre au rôle Auditeur ses permissions par défaut ? Vos modifications seront perdues.').waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Annuler' }).click();
      expect((await storedRole(admin.context.request, 'auditor'))?.customised).toBe(true);
      await card.getByRole('button', { name: 'Rétablir par défaut le rôle Auditeur' }).click();
      await card.getByRole('button', { name: 'Oui, confirmer' }).click();
      await card.getByText('Permissions par défaut rétablies.').waitFor();
      await card.getByText('Réglages par défaut').waitFor();
      expect(await auditRead.isChecked()).toBe(true);
      expect(await storedRole(admin.context.request, 'auditor')).toMatchObject({ customised: false, permissions: ['audit.read'] });
      await auditor.page.goto(`${env.server.url}/`);
      await auditLink(auditor).waitFor();
      await auditor.context.close();
      await admin.context.close();
    });
  }

  it('on a desktop: scopes read as words, and a role can be made to require a second factor', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, DESKTOP);
    await openRoles(page);
    const orgAdmin = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: "Administrateur de l'organisation", exact: true }) });
    await orgAdmin.getByText('Gérer les comptes des utilisateurs — sa propre organisation seulement').waitFor();
    await orgAdmin.getByRole('button', { name: "Modifier le rôle Administrateur de l'organisation" }).click();
    expect(await orgAdmin.getByRole('checkbox', { name: 'Gérer les comptes des utilisateurs — sa propre organisation seulement' }).isChecked()).toBe(true);
    expect(await orgAdmin.getByRole('checkbox', { name: 'Gérer les comptes des utilisateurs — toutes les organisations' }).isChecked()).toBe(false);

    const analyst = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Analyste', exact: true }) });
    await analyst.getByText('Double authentification facultative.').waitFor();
    await analyst.getByRole('button', { name: 'Modifier le rôle Analyste' }).click();
    const totp = analyst.getByRole('switch', { name: 'Double authentification obligatoire' });
    expect(await totp.isChecked()).toBe(false);
    await totp.check();
    await analyst.getByRole('button', { name: 'Enregistrer le rôle Analyste' }).click();
    await analyst.getByText('Modifications enregistrées.').waitFor();
    expect(await storedRole(context.request, 'analyst')).toMatchObject({ requiresTotp: true, permissions: ['referral.statistics'] });
    // After a reload the page shows what the server holds.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rôles et permissions' }).waitFor();
    await analyst.getByText('Double authentification obligatoire.').waitFor();
    await analyst.getByRole('button', { name: 'Modifier le rôle Analyste' }).click();
    expect(await analyst.getByRole('switch', { name: 'Double authentification obligatoire' }).isChecked()).toBe(true);
    await analyst.getByRole('button', { name: 'Rétablir par défaut le rôle Analyste' }).click();
    await analyst.getByRole('button', { name: 'Oui, confirmer' }).click();
    await analyst.getByText('Permissions par défaut rétablies.').waitFor();
    expect((await storedRole(context.request, 'analyst'))?.requiresTotp).toBe(false);
    await context.close();
  });

  it('shows the roles read-only to an organisation administrator, who may read but not change them', async () => {
    const admin = await openApp(env.browser, env.server.url, DESKTOP);
    await signIn(admin.page, env.server.admin);
    const me = (await (await admin.context.request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string; organisation: { id: string } };
    const orgAdmin = { email: 'adama.konate@example.org', password: 'a partner administrator passphrase', displayName: 'Adama Konaté' };
    const created = await admin.context.request.post(`${env.server.url}/api/commands/user.create`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { id: randomUUID(), input: { userId: randomUUID(), ...orgAdmin, organisationId: me.organisation.id, roles: ['organisation_admin'] } },
    });
    expect(created.status(), await created.text()).toBe(200);
    await admin.context.close();

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, orgAdmin);
    await followNav(page, 'Rôles et permissions', '/roles');
    await page.getByRole('heading', { level: 1, name: 'Rôles et permissions' }).waitFor();
    await page.getByText('Vous pouvez consulter les rôles et leurs permissions ; seul un administrateur système peut les modifier.').waitFor();
    const auditor = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Auditeur', exact: true }) });
    await auditor.getByText("Lire le journal d'audit").waitFor();
    await auditor.getByText('Double authentification facultative.').waitFor();
    expect(await page.getByRole('checkbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Enregistrer|Modifier)/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('is not offered to a frontline identifier, and answers as not found', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signIn(page, env.server.user);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    for (const entry of ['Organisations', 'Rôles et permissions', "Jetons d'API"]) expect(await nav.getByRole('link', { name: entry }).count()).toBe(0);
    await page.goto(`${env.server.url}/roles`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
