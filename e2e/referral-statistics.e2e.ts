import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, openApp, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import { expectFitsPhone, expectNoSeriousViolations } from './support/pages.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();
const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Signed in through the API, to make referrals the way the referral page does. */
async function apiAs(user: E2eUser) {
  const context = await env.browser.newContext();
  const { request } = context;
  expect((await request.post(`${env.server.url}/api/auth/login`, { data: { email: user.email, password: user.password } })).status()).toBe(200);
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string; organisation: { id: string } };
  return {
    organisationId: me.organisation.id,
    async command(name: string, input: unknown): Promise<void> {
      const answer = await request.post(`${env.server.url}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: randomUUID(), input } });
      expect(answer.status(), await answer.text()).toBe(200);
    },
    close: () => context.close(),
  };
}

/** A person registered in the identifier's organisation, with consent to that organisation and service, referred there. */
async function refer(identifier: Awaited<ReturnType<typeof apiAs>>, to: { organisationId: string; serviceId: string; serviceType: string }, n: number) {
  const caseId = randomUUID();
  const givenAt = new Date(Date.now() - 60_000).toISOString();
  await identifier.command('case.register', {
    caseId,
    organisationId: identifier.organisationId,
    regionPcode: 'ML01',
    identity: { givenName: `Personne ${n}`, familyName: 'Statistique', estimatedAge: 20 + n },
    stats: { sex: n % 2 ? 'female' : 'male', nationality: 'ML' },
    consents: [
      { layer: 'services', decision: 'granted', givenBy: 'self', language: 'fr', givenAt },
      { layer: 'disclosure', decision: 'granted', givenBy: 'self', language: 'fr', givenAt, organisationId: to.organisationId, serviceType: to.serviceType },
    ],
  });
  await identifier.command('referral.create', { referralId: randomUUID(), caseId, serviceId: to.serviceId, serviceType: to.serviceType, urgency: 'normal', reason: 'Besoin de ce service.' });
}

/** Nothing to scroll sideways on a 360 px phone: the wide table scrolls inside its own box. */
describe('referral statistics', () => {
  const today = new Date();
  let shelterOrganisation = '';

  it('the coordinator reads the figures by organisation, service type and region, with small rows hidden', async () => {
    // 11 persons referred to the shelter, a 12th to the legal aid, all registered in Kayes.
    const identifier = await apiAs(env.server.user);
    const shelterSide = await apiAs(env.server.otherOrgFocalPoint);
    const legalSide = await apiAs(env.server.thirdOrgFocalPoint);
    shelterOrganisation = env.server.otherOrgFocalPoint.organisationName;
    for (let n = 0; n < 11; n += 1) await refer(identifier, { organisationId: shelterSide.organisationId, serviceId: env.server.services.shelter.id, serviceType: 'shelter' }, n);
    await refer(identifier, { organisationId: legalSide.organisationId, serviceId: env.server.services.legal.id, serviceType: 'legal_aid' }, 11);
    await Promise.all([identifier.close(), shelterSide.close(), legalSide.close()]);

    const { page } = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(page, env.server.coordinator.email, env.server.coordinator.password);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Statistiques', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiques des orientations' }).waitFor();

    // By organisation: the legal aid's one person is hidden, and so is the shelter's row, or the total would tell.
    const byOrganisation = page.getByRole('table', { name: 'Chiffres par Organisation qui reçoit' });
    const hiddenWords = 'Masqué : moins de 11 personnes ici, ou pour protéger une autre ligne';
    await byOrganisation.getByRole('row', { name: new RegExp(`^${shelterOrganisation}`) }).getByText(hiddenWords).waitFor();
    expect(await byOrganisation.getByText(hiddenWords).count()).toBe(2);
    const total = byOrganisation.getByRole('row', { name: /^Total/ });
    expect((await total.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['12', '12']);
    await page.getByRole('figure', { name: 'Orientations par Organisation qui reçoit' }).getByText(`${shelterOrganisation} — masqué`).waitFor();
    // Each choice is a whole-line label, a thumb's height.
    for (const choice of await page.locator('label.stats-choice').all()) expect(await height(choice)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    // By region: the 12 persons of Kayes, shown.
    await page.getByRole('radio', { name: 'Région' }).check();
    const kayes = page.getByRole('table', { name: 'Chiffres par Région' }).getByRole('row', { name: /^Kayes/ });
    await kayes.waitFor();
    expect(await kayes.getByRole('cell').allTextContents()).toEqual(['12', '12', '—pas encore de chiffre', '—pas encore de chiffre', '—pas encore de chiffre', '0']);
    await page.getByRole('figure', { name: 'Orientations par Région' }).getByText('Kayes : 12 orientations').waitFor();
    await expectNoSeriousViolations(page);
    await expectFitsPhone(page);

    await page.getByRole('radio', { name: 'Type de service' }).check();
    await page.getByRole('table', { name: 'Chiffres par Type de service' }).getByRole('row', { name: /^Hébergement/ }).getByText(hiddenWords).waitFor();

    // On paper: the figures without the choices, the navigation or the header.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.stats-controls').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
    expect(await page.getByRole('table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // A period that ends before it starts is refused in words; an empty period says so.
    await page.getByLabel('Du', { exact: true }).fill(isoDay(new Date(today.getTime() + 10 * DAY)));
    await page.getByRole('alert').getByText('La date de fin doit venir après la date de début.').waitFor();
    await page.getByLabel('Du', { exact: true }).fill('2020-01-01');
    await page.getByLabel('Au', { exact: true }).fill('2020-01-31');
    await page.getByText('Aucune orientation envoyée sur cette période.').waitFor();
    await expectNoSeriousViolations(page);
  });

  it('is not offered to a frontline identifier', async () => {
    const { page } = await openApp(env.browser, env.server.url, PHONE);
    await signInThroughForm(page, env.server.user.email, env.server.user.password);
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Orientations' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Statistiques', exact: true }).count()).toBe(0);
    const answer = await page.request.get(`${env.server.url}/api/referrals/statistics`);
    expect(answer.status()).toBe(404);
  });
});
