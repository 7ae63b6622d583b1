import { randomUUID } from 'node:crypto';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, height, saveScreenshot } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { bodyText, expectFitsPhone, expectNoSeriousViolations, signedInPage } from './support/pages.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();

/** The person referred: what the receiver must never see unless consent covers it. */
const PERSON = { givenName: 'Mariam', familyName: 'Konaté', dateOfBirth: '1998-07-14', phone: '+223 76 54 32 10', motherName: 'Kadidia Sissoko', placeOfOrigin: 'Nioro du Sahel' };
const OUTCOME = 'Hébergée trois nuits, puis retour en famille organisé.';

const signedIn = (user: E2eUser, path: string) => signedInPage(env.browser, env.server.url, user, path);

/** A request context signed in as this user, and a command sender with their CSRF token. */
async function apiAs(user: E2eUser): Promise<{ request: APIRequestContext; organisationId: string; command<R>(name: string, input: unknown): Promise<R>; close(): Promise<void> }> {
  const context = await env.browser.newContext();
  const { request } = context;
  const login = await request.post(`${env.server.url}/api/auth/login`, { data: { email: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string; organisation: { id: string } };
  return {
    request,
    organisationId: me.organisation.id,
    async command<R>(name: string, input: unknown): Promise<R> {
      const answer = await request.post(`${env.server.url}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: randomUUID(), input } });
      expect(answer.status(), await answer.text()).toBe(200);
      return ((await answer.json()) as { result: R }).result;
    },
    close: () => context.close(),
  };
}

async function organisationIdOf(user: E2eUser): Promise<string> {
  const api = await apiAs(user);
  await api.close();
  return api.organisationId;
}

describe('referrals: the whole loop across three organisations', () => {
  const caseId = randomUUID();
  let caseCode = '';
  let shelterReferral = { id: '', code: '' };
  let legalReferralCode = '';

  it('the identifier is stopped where consent does not reach, records consent to the shelter, and refers the person there', async () => {
    // The person, registered as the identifier's organisation does, consenting to services only.
    const identifier = await apiAs(env.server.user);
    const registered = await identifier.command<{ caseCode: string }>('case.register', {
      caseId,
      organisationId: identifier.organisationId,
      regionPcode: 'ML01',
      identity: PERSON,
      stats: { sex: 'female', nationality: 'ML' },
      consents: [{ layer: 'services', decision: 'granted', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 60_000).toISOString() }],
    });
    caseCode = registered.caseCode;
    await identifier.close();

    const page = await signedIn(env.server.user, `/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'Orientations' });
    await section.getByText("Cette personne n'a pas encore été orientée.").waitFor();
    await section.getByRole('link', { name: 'Orienter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orienter vers un service' }).waitFor();
    await page.getByTestId('refer-case-code').getByText(caseCode).waitFor();

    // The legal aid in Kayes: no consent to that organisation, and an identifier may not override.
    await page.getByLabel('Mots', { exact: true }).fill('juridique Kayes');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: `Choisir ${env.server.services.legal.name}` }).click();
    await page.getByText(/ne couvre pas cette organisation ou ce service\. Vous ne pouvez pas envoyer/).waitFor();
    expect(await page.getByRole('button', { name: "Envoyer l'orientation" }).isDisabled()).toBe(true);
    expect(await page.getByLabel("Raison d'envoyer sans consentement").count()).toBe(0);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    // Consent to the shelter's organisation, for shelter, recorded on the case page.
    await page.getByRole('link', { name: 'Retour au dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossier' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer un consentement' }).click();
    await page.getByLabel('Pour quoi').selectOption('disclosure');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: env.server.otherOrgFocalPoint.organisationName });
    await page.getByLabel('Type de service').selectOption('shelter');
    await page.getByRole('button', { name: 'Enregistrer ce consentement' }).click();
    await page.getByRole('region', { name: 'Consentements' }).getByText(env.server.otherOrgFocalPoint.organisationName).waitFor();

    await page.getByRole('region', { name: 'Orientations' }).getByRole('link', { name: 'Orienter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orienter vers un service' }).waitFor();
    await page.getByLabel('Type de service').selectOption('shelter');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: `Choisir ${env.server.services.shelter.name}` }).click();
    await page.getByText('Le consentement de la personne couvre cette organisation et ce service.').waitFor();
    await page.getByRole('radio', { name: /^Urgent/ }).check();
    const reason = 'Bloquée à la gare routière depuis deux nuits, sans argent pour continuer.';
    await page.getByLabel('Motif court').fill(reason);
    await page.getByText(`${reason.length} / 500 caractères`).waitFor();
    const send = page.getByRole('button', { name: "Envoyer l'orientation" });
    expect(await height(send)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await saveScreenshot(page, 'referral-create-phone');
    await send.click();

    await page.getByRole('heading', { level: 1, name: 'Orientation' }).waitFor();
    shelterReferral = { id: new URL(page.url()).pathname.split('/').at(-1) ?? '', code: (await page.getByTestId('referral-code').textContent()) ?? '' };
    expect(shelterReferral.code).not.toBe('');
    await expect(page.getByTestId('referral-state').first().textContent()).resolves.toBe('Envoyée');
    await page.getByText(/^Réponse attendue dans /).waitFor();
    // The referrer sees the case, and may cancel while nobody has answered.
    await page.getByTestId('referral-case-code').getByRole('link', { name: caseCode }).waitFor();
    await page.getByRole('button', { name: "Annuler l'orientation" }).waitFor();
    await expectNoSeriousViolations(page);
  });

  it("the shelter's focal point finds it in the inbox, sees only the minimal data, accepts, starts and completes it", async () => {
    const page = await signedIn(env.server.otherOrgFocalPoint, '/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Orientations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orientations reçues' }).waitFor();
    const tabs = page.getByRole('navigation', { name: 'Trier les orientations' });
    await tabs.getByRole('link', { name: 'Nouvelles 1' }).waitFor();
    for (const tab of await tabs.getByRole('link').all()) expect(await height(tab)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    const row = page.locator(`[data-referral-id="${shelterReferral.id}"]`);
    await row.getByText(`De : ${env.server.user.organisationName}`).waitFor();
    await row.getByText(/^Réponse attendue dans /).waitFor();
    const listed = await bodyText(page);
    for (const secret of [PERSON.givenName, PERSON.familyName, caseCode]) expect(listed).not.toContain(secret);
    await saveScreenshot(page, 'referral-inbox-phone');
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    await row.getByRole('link', { name: shelterReferral.code }).click();
    await page.getByRole('heading', { level: 1, name: 'Orientation' }).waitFor();
    await page.getByTestId('referral-case-code').getByText(caseCode).waitFor();
    await page.getByText('Bloquée à la gare routière depuis deux nuits, sans argent pour continuer.').waitFor();
    // Consent covers the organisation, but the referrer did not ask to share identity: no name, no phone, no case file.
    const shown = await bodyText(page);
    for (const secret of [PERSON.givenName, PERSON.familyName, '76 54 32 10', PERSON.motherName, PERSON.placeOfOrigin, 'Consentements']) expect(shown).not.toContain(secret);
    await saveScreenshot(page, 'referral-received-phone');
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    // Declining needs a reason the referrer will read.
    await page.getByRole('button', { name: 'Refuser' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText("Écrivez la raison : l'autre organisation la lira.").waitFor();
    await page.getByRole('button', { name: 'Retour' }).click();

    const state = page.getByTestId('referral-state').first();
    await page.getByRole('button', { name: 'Accepter' }).click();
    await expect.poll(() => state.textContent()).toBe('Acceptée');
    await page.getByRole('button', { name: 'Commencer le service' }).click();
    await expect.poll(() => state.textContent()).toBe('Service en cours');
    await page.getByRole('button', { name: 'Service rendu' }).click();
    await page.getByLabel('Résultat (facultatif)').fill(OUTCOME);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => state.textContent()).toBe('Service rendu');
    const history = page.getByRole('region', { name: 'Historique' });
    for (const step of ['Orientation envoyée', 'Acceptée', 'Service commencé', 'Service rendu']) await history.getByText(step, { exact: true }).waitFor();
    await history.getByText(OUTCOME).waitFor();
    expect(await page.getByRole('region', { name: 'Que faire ?' }).count()).toBe(0);
  });

  it('the identifier sees the outcome on the case page and in the referrals sent', async () => {
    const page = await signedIn(env.server.user, `/cases/${caseId}`);
    const section = page.getByRole('region', { name: 'Orientations' });
    const item = section.locator(`[data-referral-id="${shelterReferral.id}"]`);
    await item.getByTestId('referral-state').getByText('Service rendu').waitFor();
    await item.getByText(OUTCOME).waitFor();
    await expectNoSeriousViolations(page);

    await page.goto(`${env.server.url}/referrals/sent?view=closed`);
    await page.getByRole('heading', { level: 1, name: 'Orientations envoyées' }).waitFor();
    const row = page.locator(`[data-referral-id="${shelterReferral.id}"]`);
    await row.getByText(`Vers : ${env.server.otherOrgFocalPoint.organisationName}`).waitFor();
    await row.getByText(caseCode, { exact: false }).waitFor();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
  });

  it('an emergency left unanswered in the third organisation escalates to the coordinator once its 24 hours pass', async () => {
    // Consent to the third organisation, and an emergency referral there, as the identifier's phone would send them.
    const identifier = await apiAs(env.server.user);
    const kayes = await organisationIdOf(env.server.thirdOrgFocalPoint);
    await identifier.command('consent.record', {
      caseId,
      consentId: randomUUID(),
      consent: { layer: 'disclosure', decision: 'granted', organisationId: kayes, serviceType: 'legal_aid', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 1000).toISOString() },
    });
    const created = await identifier.command<{ referenceCode: string; answerDueAt: string }>('referral.create', {
      referralId: randomUUID(),
      caseId,
      serviceId: env.server.services.legal.id,
      serviceType: 'legal_aid',
      urgency: 'emergency',
      reason: 'Papiers confisqués par un transporteur : besoin de conseil juridique.',
    });
    legalReferralCode = created.referenceCode;
    await identifier.close();

    const page = await signedIn(env.server.coordinator, '/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Escalades' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalades' }).waitFor();
    await page.getByText('Aucune orientation en retard.').waitFor();

    // A day and an hour later, on the server's clock: the deadline job is then due.
    expect(Date.parse(created.answerDueAt) - Date.now()).toBeLessThan(25 * 3_600_000);
    env.server.advanceClock(25 * 3_600_000);
    // The deadline job runs within a second or two of its time; the page is read again until it shows.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1, name: 'Escalades' }).waitFor();
          await page.getByText('Aucune orientation en retard.').or(page.getByRole('list', { name: 'Escalades' })).waitFor();
          return page.getByRole('heading', { level: 2, name: legalReferralCode }).count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    const item = page.locator('li', { has: page.getByRole('heading', { level: 2, name: legalReferralCode }) });
    await item.getByText(`${env.server.user.organisationName} → ${env.server.thirdOrgFocalPoint.organisationName}`).waitFor();
    await item.getByText('Urgence vitale').waitFor();
    await item.getByText(/^En retard de \d/).waitFor();
    // Organisations and times only: never the person.
    const shown = await bodyText(page);
    for (const secret of [PERSON.givenName, PERSON.familyName, caseCode]) expect(shown).not.toContain(secret);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);
    await saveScreenshot(page, 'referral-escalations-phone');

    // The receiver still may answer: it waits in their overdue tab.
    const receiver = await signedIn(env.server.thirdOrgFocalPoint, '/referrals?view=overdue');
    await receiver.getByRole('heading', { level: 1, name: 'Orientations reçues' }).waitFor();
    await receiver.getByRole('link', { name: legalReferralCode }).waitFor();
    await expectNoSeriousViolations(receiver);
  });

  it('for a partner on paper, the referrer prints the form in any language and records the outcome that came back', async () => {
    const identifier = await apiAs(env.server.user);
    const referralId = randomUUID();
    await identifier.command('referral.create', {
      referralId,
      caseId,
      serviceId: env.server.services.shelter.id,
      serviceType: 'shelter',
      urgency: 'normal',
      reason: 'Besoin de deux nuits avant le départ du car.',
      onPaper: true,
    });
    await identifier.close();

    const page = await signedIn(env.server.user, `/referrals/${referralId}`);
    const paper = page.getByRole('region', { name: 'Formulaire papier' });
    for (const language of ['Français', 'English', 'Bamanankan']) await paper.getByRole('link', { name: `Formulaire PDF (${language})` }).waitFor();
    const href = await paper.getByRole('link', { name: 'Formulaire PDF (Bamanankan)' }).getAttribute('href');
    expect(href).toBe(`/api/referrals/${referralId}/form.pdf?lang=bm`);
    const pdf = await page.request.get(`${env.server.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectNoSeriousViolations(page);

    await page.getByRole('button', { name: 'Noter le résultat reçu sur papier' }).click();
    await page.getByRole('radio', { name: 'Service non rendu' }).check();
    await page.getByLabel('Ce que dit le papier (facultatif)').fill('Plus de place ce soir-là.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByTestId('referral-state').first().textContent()).toBe('Service non rendu');
    await page.getByRole('region', { name: 'Historique' }).getByText('Plus de place ce soir-là.').waitFor();
  });

  it('a case manager, who may override, sends without consent only with a reason, and the referral says so', async () => {
    const { otherOrgCase, services } = env.server;
    const page = await signedIn(env.server.otherOrgCaseworker, `/cases/${otherOrgCase.caseId}/refer`);
    await page.getByRole('heading', { level: 1, name: 'Orienter vers un service' }).waitFor();
    await page.getByLabel('Mots', { exact: true }).fill('Kayes');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('button', { name: `Choisir ${services.legal.name}` }).click();
    await page.getByText(/ne couvre pas cette organisation ou ce service\. Pour envoyer quand même/).waitFor();
    await page.getByLabel('Motif court').fill('Contestation d’une amende abusive à la frontière.');
    await page.getByLabel("Raison d'envoyer sans consentement").fill('Urgent');
    await page.getByRole('button', { name: "Envoyer l'orientation" }).click();
    await page.getByText('Écrivez au moins 10 caractères.').waitFor();
    await expectNoSeriousViolations(page);
    await page.getByLabel("Raison d'envoyer sans consentement").fill('La personne est injoignable et l’audience est demain.');
    await page.getByRole('button', { name: "Envoyer l'orientation" }).click();
    await page.getByRole('heading', { level: 1, name: 'Orientation' }).waitFor();
    await page.getByText('Envoyée sans consentement').waitFor();

    // Someone who both refers and answers moves between the two lists.
    await page.goto(`${env.server.url}/referrals`);
    await page.getByRole('heading', { level: 1, name: 'Orientations reçues' }).waitFor();
    await page.getByRole('navigation', { name: 'Reçues ou envoyées' }).getByRole('link', { name: 'Orientations envoyées' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orientations envoyées' }).waitFor();
    await page.getByText(`Vers : ${env.server.thirdOrgFocalPoint.organisationName}`).waitFor();
    await expectNoSeriousViolations(page);
  });

  it("the auditor's log shows each step of the referrals", async () => {
    const page = await signedIn(env.server.auditor, '/audit');
    await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor();
    await page.getByLabel("Quoi (type d'événement)").selectOption({ label: 'Commande appliquée' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    const list = page.getByRole('list', { name: 'Événements, du plus récent au plus ancien' });
    for (const step of ['referral.create', 'referral.accept', 'referral.start', 'referral.complete']) await list.getByText(step, { exact: true }).first().waitFor();
  });
});
