import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { totpCode } from './support/server.ts';

const env = useE2eEnvironment();
const CODE_LABEL = 'Code à 6 chiffres';

/** Six digits no authenticator enrolled with this secret would accept now. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const accepted = new Set([-30_000, 0, 30_000, 60_000].map((shift) => totpCode(secret, now + shift)));
  for (let n = 123456; ; n = (n + 111111) % 1_000_000) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

/** The key as the person reads it off the screen, spaces and all, as an app would take it. */
async function secretOnScreen(section: Locator): Promise<string> {
  const shown = await section.locator('.totp-key code').textContent();
  return (shown ?? '').replace(/\s+/g, '');
}

async function qrIsDrawn(section: Locator): Promise<boolean> {
  const qr = section.getByRole('img', { name: "Code QR à scanner avec l'application d'authentification" });
  await qr.waitFor();
  return qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
}

async function openAccount(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  return page.getByRole('region', { name: 'Double authentification' });
}

describe('second factor (TOTP) enrolment', () => {
  it('on a phone: a user enrols from their account with the key on screen, then signs in with a code', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    const person = env.server.user;
    await signInThroughForm(page, person.email, person.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();
    const section = await openAccount(page);
    await section.getByText('Pas activée', { exact: false }).waitFor();

    await section.getByRole('button', { name: 'Activer la double authentification' }).click();
    expect(await qrIsDrawn(section)).toBe(true);
    const secret = await secretOnScreen(section);
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const code = section.getByLabel(CODE_LABEL);
    await expect(code.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    for (const target of [code, section.getByRole('button', { name: 'Activer', exact: true }), section.getByRole('button', { name: 'Copier la clé' })]) {
      expect(await height(target)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A wrong code is refused next to the field, and nothing is switched on.
    await code.fill(wrongCode(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    await section.getByText('Code incorrect ou déjà utilisé.').waitFor();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    expect((await (await context.request.get(`${env.server.url}/api/auth/me`)).json()).totpEnabled).toBe(false);

    await code.fill(totpCode(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    await section.getByText('La double authentification est activée.', { exact: false }).waitFor();
    await section.getByText('Activée : chaque connexion', { exact: false }).waitFor();
    expect(await section.locator('.totp-key').count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Signed out, the password alone no longer opens a session: the code is asked for.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await signInThroughForm(page, person.email, person.password);
    await page.getByLabel(CODE_LABEL).waitFor();
    // The next time step's code: the one that confirmed enrolment is spent.
    await page.getByLabel(CODE_LABEL).fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Valider le code' }).click();
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();
    await context.close();
  });

  it('switches the second factor off only with a current code, after a confirmation that can be cancelled', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    const person = env.server.auditor;
    await signInThroughForm(page, person.email, person.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();
    const section = await openAccount(page);
    await section.getByRole('button', { name: 'Activer la double authentification' }).click();
    expect(await qrIsDrawn(section)).toBe(true);
    const secret = await secretOnScreen(section);
    await section.getByLabel(CODE_LABEL).fill(totpCode(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    await section.getByText('Activée : chaque connexion', { exact: false }).waitFor();

    await section.getByRole('button', { name: 'Désactiver la double authentification' }).click();
    await section.getByRole('button', { name: 'Annuler' }).click();
    await section.getByRole('button', { name: 'Désactiver la double authentification' }).click();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await section.getByLabel(CODE_LABEL).fill(wrongCode(secret));
    await section.getByRole('button', { name: 'Oui, désactiver' }).click();
    await section.getByText('Code incorrect ou déjà utilisé.').waitFor();
    expect((await (await context.request.get(`${env.server.url}/api/auth/me`)).json()).totpEnabled).toBe(true);

    await section.getByLabel(CODE_LABEL).fill(totpCode(secret, Date.now() + 30_000));
    await section.getByRole('button', { name: 'Oui, désactiver' }).click();
    await section.getByText('La double authentification est désactivée.').waitFor();
    await section.getByText('Pas activée', { exact: false }).waitFor();
    expect((await (await context.request.get(`${env.server.url}/api/auth/me`)).json()).totpEnabled).toBe(false);
    await context.close();
  });

  it('takes a user whose role requires a second factor straight to enrolment, then lets them use the app', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    const person = env.server.totpRequiredUser;
    await signInThroughForm(page, person.email, person.password);
    const heading = page.getByRole('heading', { level: 1, name: 'Double authentification requise' });
    await heading.waitFor();
    await page.getByText('Votre rôle exige une double authentification', { exact: false }).waitFor();
    // Any address leads here, and no page the server would refuse is offered.
    await page.goto(`${env.server.url}/account`);
    await heading.waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').count()).toBe(0);
    expect((await context.request.get(`${env.server.url}/api/organisations`)).status()).toBe(403);
    const section = page.getByRole('region', { name: 'Double authentification requise' });
    expect(await qrIsDrawn(section)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const secret = await secretOnScreen(section);
    await section.getByLabel(CODE_LABEL).fill(wrongCode(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    await section.getByText('Code incorrect ou déjà utilisé.').waitFor();

    await section.getByLabel(CODE_LABEL).fill(totpCode(secret));
    await section.getByRole('button', { name: 'Activer', exact: true }).click();
    // The page that was asked for, now that the server opens it.
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.getByRole('region', { name: 'Double authentification' }).getByText('Activée : chaque connexion', { exact: false }).waitFor();
    expect((await context.request.get(`${env.server.url}/api/organisations`)).status()).toBe(200);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).click();
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${person.displayName}` }).waitFor();
    await context.close();
  });

  it('leads a signed-in person to enrolment at their next step when their role starts requiring a second factor', async () => {
    // An administrator, through the API, in a context of their own.
    const admin = await env.browser.newContext();
    const signedIn = await admin.request.post(`${env.server.url}/api/auth/login`, { data: { email: env.server.admin.email, password: env.server.admin.password } });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const command = (name: string, input: unknown) =>
      admin.request.post(`${env.server.url}/api/commands/${name}`, { data: { id: crypto.randomUUID(), input }, headers: { 'x-csrf-token': csrfToken } });
    const key = 'temporary_field_role';
    const person = { email: 'bintou.e2e@example.org', password: 'une phrase assez longue pour Bintou', name: 'Bintou Sanogo' };
    expect((await command('role.save', { key, label: 'Rôle de terrain (test)', permissions: [], requiresTotp: false })).status()).toBe(200);
    const created = await command('user.create', { userId: crypto.randomUUID(), email: person.email, displayName: person.name, password: person.password, organisationId: (await (await admin.request.get(`${env.server.url}/api/auth/me`)).json()).organisation.id, roles: [key] });
    expect(created.status()).toBe(200);

    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(page, person.email, person.password);
    await page.getByRole('heading', { level: 1, name: `Bonjour, ${person.name}` }).waitFor();

    expect((await command('role.save', { key, label: 'Rôle de terrain (test)', permissions: [], requiresTotp: true })).status()).toBe(200);
    // The next page that asks the server anything learns of it, and the app follows.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Double authentification requise' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link').count()).toBe(0);
    await context.close();
    await admin.close();
  });
});
