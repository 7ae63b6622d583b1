import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

async function openUsers(page: Page): Promise<void> {
  await signInThroughForm(page, env.server.admin.email, env.server.admin.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.admin.displayName}` }).waitFor();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
  await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
  await page.getByText(env.server.user.email).waitFor();
}

describe('users screen (administrators)', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`on a ${name}: an admin creates a user, deactivates them, and their session stops working`, async () => {
      const admin = await openApp(env.browser, env.server.url, viewport);
      const { page } = admin;
      await openUsers(page);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      // Search narrows the list.
      await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('awa');
      await page.getByText(env.server.admin.email).waitFor({ state: 'detached' });
      await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('');

      const person = { name: `Ibrahim Coulibaly ${name}`, email: `ibrahim.${name}@example.org`, password: 'a brand new passphrase' };
      await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
      // Nothing filled in: the form says what is missing, next to each field.
      await page.getByRole('button', { name: 'Créer le compte' }).click();
      await expect(page.getByLabel('Nom complet').getAttribute('aria-invalid')).resolves.toBe('true');
      await page.getByLabel('Nom complet').fill(person.name);
      await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
      await page.getByLabel('Mot de passe initial').fill(person.password);
      await page.getByRole('checkbox', { name: 'Identificateur de première ligne' }).check();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      for (const target of [page.getByRole('button', { name: 'Créer le compte' }), page.getByLabel('Nom complet')]) expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
      await page.getByRole('button', { name: 'Créer le compte' }).click();
      const row = page.getByRole('listitem').filter({ hasText: person.email });
      await row.waitFor();

      // The new person signs in on their own phone.
      const them = await openApp(env.browser, env.server.url, PHONE);
      await signInThroughForm(them.page, person.email, person.password);
      await them.page.getByRole('heading', { level: 1, name: `Bonjour, ${person.name}` }).waitFor();
      expect((await them.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(200);

      // Deactivation asks for a confirmation, can be cancelled, then applies.
      await row.getByRole('button', { name: `Désactiver le compte de ${person.name}` }).click();
      await row.getByRole('button', { name: 'Annuler' }).click();
      await row.getByRole('button', { name: `Désactiver le compte de ${person.name}` }).click();
      await row.getByText(`Désactiver le compte de ${person.name} ? Ses sessions prennent fin immédiatement.`).waitFor();
      await row.getByRole('button', { name: 'Oui, confirmer' }).click();
      await row.getByText('Compte désactivé').waitFor();
      expect((await them.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);

      // And back: reactivated, the account may sign in again (the ended session stays ended).
      await row.getByRole('button', { name: `Réactiver le compte de ${person.name}` }).click();
      await row.getByRole('button', { name: 'Oui, confirmer' }).click();
      await row.getByText('Compte actif').waitFor();
      expect((await them.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);
      await them.context.close();
      await admin.context.close();
    });
  }

  it('on a desktop: an admin renames a user, issues a reset link shown once, and ends their session', async () => {
    const admin = await openApp(env.browser, env.server.url, DESKTOP);
    const { page } = admin;
    await openUsers(page);
    const person = { name: 'Salif Sangaré', email: 'salif.sangare@example.org', password: 'yet another passphrase' };
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    await page.getByLabel('Nom complet').fill(person.name);
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Mot de passe initial').fill(person.password);
    await page.getByRole('checkbox', { name: 'Gestionnaire de cas' }).check();
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    const row = page.getByRole('listitem').filter({ hasText: person.email });
    await row.waitFor();

    const them = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(them.page, person.email, person.password);
    await them.page.getByRole('heading', { level: 1, name: `Bonjour, ${person.name}` }).waitFor();

    await row.getByRole('button', { name: `Gérer le compte de ${person.name}` }).click();
    // Renamed.
    await row.getByLabel('Nom complet').fill('Salif Sangaré Junior');
    await row.getByRole('button', { name: 'Enregistrer' }).click();
    await row.getByText('Modifications enregistrées.').waitFor();
    await row.getByRole('heading', { name: 'Salif Sangaré Junior' }).waitFor();

    // The reset link, once, with its warning.
    await row.getByRole('button', { name: 'Créer un lien à usage unique' }).click();
    await row.getByText('Ce lien n\'est affiché qu\'une fois.', { exact: false }).waitFor();
    expect(await row.getByLabel('Lien à transmettre').inputValue()).toMatch(/\/reset#.+/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Their session is listed, and ending it signs them out.
    const sessions = row.getByRole('region', { name: 'Sessions ouvertes' });
    await sessions.getByRole('button', { name: 'Fermer cette session' }).click();
    await sessions.getByText('Aucune session ouverte.').waitFor();
    expect((await them.context.request.get(`${env.server.url}/api/auth/me`)).status()).toBe(401);

    // Closed and opened again: the link is gone for good.
    await row.getByRole('button', { name: /^Gérer/ }).click();
    await row.getByRole('button', { name: /^Gérer/ }).click();
    expect(await row.getByLabel('Lien à transmettre').count()).toBe(0);
    await them.context.close();
    await admin.context.close();
  });

  it('on a phone: an organisation administrator sees and manages only their own organisation\'s accounts', async () => {
    const { orgAdmin, otherOrgUser, user } = env.server;
    // The other organisation's account, looked up as the system administrator would.
    const lookup = await env.browser.newContext();
    expect((await lookup.request.post(`${env.server.url}/api/auth/login`, { data: { email: env.server.admin.email, password: env.server.admin.password } })).status()).toBe(200);
    const everyone = (await (await lookup.request.get(`${env.server.url}/api/users`)).json()) as { items: { id: string; email: string }[] };
    const outsider = everyone.items.find((u) => u.email === otherOrgUser.email);
    expect(outsider).toBeDefined();
    await lookup.close();

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(page, orgAdmin.email, orgAdmin.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${orgAdmin.displayName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByText(user.email).waitFor();
    expect(await page.getByText(otherOrgUser.email).count()).toBe(0);
    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('issa');
    await page.getByText('Aucun utilisateur').waitFor();
    await page.getByLabel('Rechercher par nom ou adresse e-mail').fill('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Another organisation's account cannot even be probed: not found, as if it did not exist.
    expect((await context.request.get(`${env.server.url}/api/users/${outsider?.id}`)).status()).toBe(404);
    expect((await context.request.get(`${env.server.url}/api/users/${outsider?.id}/sessions`)).status()).toBe(404);

    const me = (await (await context.request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const create = async (input: Record<string, unknown>) => {
      const answer = await context.request.post(`${env.server.url}/api/commands/user.create`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { id: crypto.randomUUID(), input: { userId: crypto.randomUUID(), displayName: 'Hors de portée', password: 'a passphrase out of reach', ...input } },
      });
      return `${answer.status()} ${((await answer.json()) as { error?: { code: string } }).error?.code}`;
    };
    const organisations = (await (await context.request.get(`${env.server.url}/api/organisations`)).json()) as { items: { id: string; name: string }[] };
    const otherOrganisation = organisations.items.find((o) => o.name === otherOrgUser.organisationName);
    // Not in another organisation, and no role that reaches beyond one.
    expect(await create({ email: 'elsewhere@example.org', organisationId: otherOrganisation?.id, roles: ['frontline_identifier'] })).toBe('403 FORBIDDEN');
    const ownOrganisation = organisations.items.find((o) => o.name === orgAdmin.organisationName);
    expect(await create({ email: 'escalation@example.org', organisationId: ownOrganisation?.id, roles: ['system_admin'] })).toBe('403 FORBIDDEN');

    const person = { name: 'Aminata Konaté', email: 'aminata.konate@example.org', password: 'a passphrase for Aminata' };
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    await page.getByLabel('Nom complet').fill(person.name);
    await page.getByLabel('Adresse e-mail', { exact: true }).fill(person.email);
    await page.getByLabel('Mot de passe initial').fill(person.password);
    // Roles beyond the organisation are not offered (the server refuses them anyway).
    expect(await page.getByRole('checkbox', { name: 'Administrateur système' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: 'Auditeur' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Identificateur de première ligne' }).check();
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    const row = page.getByRole('listitem').filter({ hasText: person.email });
    await row.waitFor();
    await row.getByText('Identificateur de première ligne').waitFor();
    expect(await page.getByText('escalation@example.org').count()).toBe(0);
    // The system administrator of the same organisation is listed, but out of reach.
    const adminRow = page.getByRole('listitem').filter({ hasText: env.server.admin.email });
    await adminRow.getByText('seul un gestionnaire des rôles peut le modifier', { exact: false }).waitFor();
    expect(await adminRow.getByRole('button').count()).toBe(0);
    await context.close();
  });

  it('lets an administrator remove the second factor of someone who lost their phone', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await openUsers(page);
    const person = env.server.totpUser;
    const row = page.getByRole('listitem').filter({ hasText: person.email });
    await row.getByRole('button', { name: `Gérer le compte de ${person.displayName}` }).click();
    const section = row.getByRole('region', { name: 'Double authentification' });
    await section.getByText('Activée', { exact: false }).waitFor();
    await section.getByRole('button', { name: `Retirer la double authentification de ${person.displayName} (téléphone perdu)` }).click();
    await section.getByRole('button', { name: 'Oui, confirmer' }).click();
    await section.getByText('Non activée.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // They sign in with their password alone now.
    const them = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(them.page, person.email, person.password);
    await them.page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();
    await them.context.close();
    await context.close();
  });

  it('is not offered to a frontline identifier, and answers as not found', async () => {
    const { context, page } = await openApp(env.browser, env.server.url);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${env.server.user.displayName}` }).waitFor();
    await page.goto(`${env.server.url}/users`);
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await context.close();
  });
});
