import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();

/** Planted in the referral: none of it may reach a notification. */
const PERSON = { givenName: 'Kadiatou', familyName: 'Sangaré', dateOfBirth: '1999-02-11', phone: '+223 76 00 11 22', motherName: 'Oumou Coulibaly', placeOfOrigin: 'Yélimané' };
const RECEIVED = 'Une nouvelle orientation attend une réponse de votre organisation.';

/** As the identifier's phone would: a person, consent to the third organisation's legal aid, and referrals there. */
async function referToLegalAid(count: number): Promise<string[]> {
  const context = await env.browser.newContext();
  const { request } = context;
  const post = async <R,>(path: string, data: unknown, csrf?: string): Promise<R> => {
    const answer = await request.post(`${env.server.url}${path}`, { data, ...(csrf ? { headers: { 'x-csrf-token': csrf } } : {}) });
    expect(answer.status(), await answer.text()).toBe(200);
    return (await answer.json()) as R;
  };
  await post('/api/auth/login', { email: env.server.user.email, password: env.server.user.password });
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string; organisation: { id: string } };
  const command = (name: string, input: unknown) => post<{ result: Record<string, string> }>(`/api/commands/${name}`, { id: randomUUID(), input }, me.csrfToken);
  const organisations = (await (await request.get(`${env.server.url}/api/organisations`)).json()) as { items: { id: string; name: string }[] };
  const kayes = organisations.items.find((o) => o.name === env.server.thirdOrgFocalPoint.organisationName)!.id;
  const caseId = randomUUID();
  const registered = await command('case.register', {
    caseId,
    organisationId: me.organisation.id,
    regionPcode: 'ML01',
    identity: PERSON,
    stats: { sex: 'female', nationality: 'ML' },
    consents: [{ layer: 'services', decision: 'granted', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 60_000).toISOString() }],
  });
  await command('consent.record', {
    caseId,
    consentId: randomUUID(),
    consent: { layer: 'disclosure', decision: 'granted', organisationId: kayes, serviceType: 'legal_aid', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 1000).toISOString() },
  });
  const planted = [PERSON.givenName, PERSON.familyName, registered.result.caseCode!];
  for (let i = 0; i < count; i++) {
    const created = await command('referral.create', {
      referralId: randomUUID(),
      caseId,
      serviceId: env.server.services.legal.id,
      serviceType: 'legal_aid',
      urgency: 'normal',
      reason: `Conseil juridique pour ${PERSON.givenName} ${PERSON.familyName}.`,
    });
    planted.push(created.result.referenceCode!);
  }
  await context.close();
  return planted;
}

async function signedIn(user: E2eUser): Promise<Page> {
  const { page } = await openApp(env.browser, env.server.url, PHONE);
  await signInThroughForm(page, user.email, user.password);
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  return page;
}

describe('notifications: the bell, the list, and how else to hear', () => {
  it('on a phone: the bell counts a new referral after navigating, the page lists it with no personal data, and marking read clears it', async () => {
    const page = await signedIn(env.server.thirdOrgFocalPoint);
    const bell = page.getByRole('link', { name: 'Notifications, aucune non lue' });
    await bell.waitFor();
    expect(await height(bell)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);

    const planted = await referToLegalAid(2);
    // The bell asks again on each navigation (and every two minutes), not over a socket.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    await page.getByRole('link', { name: 'Notifications, 2 non lues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();

    const list = page.getByRole('list', { name: 'Vos notifications' });
    await list.getByText(RECEIVED).first().waitFor();
    expect(await list.getByRole('listitem').count()).toBe(2);
    const text = await page.locator('main').innerText();
    for (const secret of planted) expect(text).not.toContain(secret);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'notifications-phone');

    const markOne = list.getByRole('button', { name: 'Marquer comme lue' }).first();
    expect(await height(markOne)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await markOne.click();
    await page.getByRole('link', { name: 'Notifications, 1 non lue' }).waitFor();
    expect(await list.getByRole('button', { name: 'Marquer comme lue' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Non lues seulement' }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText('Aucune notification non lue.').waitFor();
    await page.getByRole('link', { name: 'Notifications, aucune non lue' }).waitFor();

    // A notification leads to its referral; the page there checks access again.
    await page.getByRole('button', { name: 'Toutes', exact: true }).click();
    await list.getByRole('link', { name: 'Ouvrir' }).first().click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });

  it('keeps an email choice and a work phone, refusing a number that is not international', async () => {
    const page = await signedIn(env.server.focalPoint);
    await page.getByRole('link', { name: 'Notifications, aucune non lue' }).click();
    await page.getByText('Aucune notification.').waitFor();
    const form = page.getByRole('form', { name: 'Être prévenu aussi' });
    // This server sends neither: the form says so, and keeps the choice for when it does.
    await form.getByText("L'envoi d'e-mails n'est pas configuré sur ce serveur.").waitFor();
    const email = form.getByRole('checkbox', { name: "Par e-mail, à l'adresse de mon compte" });
    expect(await email.isChecked()).toBe(true);
    const phone = form.getByLabel('Par SMS, à mon téléphone de travail');
    await email.uncheck();
    await phone.fill('70 11 22 33');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText('Format invalide.').waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await phone.fill('+223 70 11 22 33');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await form.getByText('Préférences enregistrées.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'notification-settings-phone');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect.poll(() => phone.inputValue()).toBe('+22370112233');
    expect(await email.isChecked()).toBe(false);
  });
});
