import type { BrowserContext } from 'playwright-core';
import { v4 as uuidv4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, htmlLang, saveScreenshot, seriousAccessibilityViolations } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';

const env = useE2eEnvironment();

const SHELTER = 'Accueil de nuit Hɛrɛ de Kayes (démo)';
const FOOD = 'Repas chauds de la gare de Kayes (démo)';
const SHELTER_PHONE = '+223 00 00 41 41';

/** The administrator publishes two services of Kayes through the API, as the web app would. */
async function seedThroughApi(api: BrowserContext): Promise<void> {
  const base = env.server.url;
  const login = await api.request.post(`${base}/api/auth/login`, { data: { email: env.server.admin.email, password: env.server.admin.password } });
  expect(login.status()).toBe(200);
  const me = (await login.json()) as { csrfToken: string; organisation: { id: string } };
  const command = async (name: string, input: unknown) => {
    const res = await api.request.post(`${base}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: uuidv4(), input } });
    expect(res.status(), await res.text()).toBe(200);
  };
  await command('taxonomy.seed', {});
  const service = (name: string, types: string[], phone: string) => ({
    serviceId: uuidv4(),
    organisationId: me.organisation.id,
    name,
    status: 'active',
    visibility: 'public',
    serviceTypes: types,
    targetGroups: ['stranded_migrant'],
    languages: ['fr', 'bm'],
    costs: [{ kind: 'free' }],
    phones: [{ number: phone }],
    contacts: [],
    schedules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '18:00', closesAt: '23:00' }],
    coverage: ['ML01'],
    locations: [{ id: uuidv4(), locationType: 'physical', admin1Pcode: 'ML01', confidential: false, address: { address1: 'Quartier de la gare', city: 'Kayes', country: 'ML' } }],
  });
  await command('service.create', service(SHELTER, ['shelter'], SHELTER_PHONE));
  await command('service.create', service(FOOD, ['food'], '+223 00 00 42 42'));
}

describe('public directory (no sign-in, no JavaScript)', () => {
  beforeAll(async () => {
    const api = await env.browser.newContext();
    await seedThroughApi(api);
    await api.close();
  });
  let opened: BrowserContext | undefined;
  afterAll(async () => {
    await opened?.close();
  });

  it('on a phone without JavaScript: pick the region and the need, see the service, call it, switch to Bambara', async () => {
    const context = await env.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-US', javaScriptEnabled: false });
    opened = context;
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));

    await page.goto(`${env.server.url}/annuaire`);
    await page.getByRole('heading', { level: 1, name: "Où trouver de l'aide" }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    // One request: the page itself, without the web app's scripts, styles or fonts.
    expect(requests).toEqual([`${env.server.url}/annuaire`]);
    await saveScreenshot(page, 'public-directory-home-phone');

    await page.getByLabel('Votre région').selectOption({ label: 'Kayes' });
    await page.getByRole('radio', { name: 'Hébergement' }).check();
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('heading', { level: 1, name: "Où trouver de l'aide — Kayes" }).waitFor();
    expect(new URL(page.url()).searchParams.get('need')).toBe('shelter');
    await page.getByRole('heading', { level: 2, name: SHELTER }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: FOOD }).count()).toBe(0);
    const call = page.getByRole('link', { name: `Appeler le ${SHELTER_PHONE}` });
    expect(await call.getAttribute('href')).toBe('tel:+22300004141');
    expect(await height(call)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    expect(await page.getByRole('link', { name: 'PDF, format A5' }).getAttribute('href')).toBe('/annuaire/depliant.pdf?region=ML01&format=a5');
    // Nothing overflows a 360 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'public-directory-list-phone');

    await page.getByRole('link', { name: SHELTER }).click();
    await page.getByRole('heading', { level: 1, name: SHELTER }).waitFor();
    await page.getByText('lun.–ven. 18:00–23:00').waitFor();
    await page.getByText('Quartier de la gare, Kayes').waitFor();

    await page.getByRole('link', { name: 'Bamanankan' }).click();
    await page.getByRole('heading', { level: 1, name: SHELTER }).waitFor();
    expect(await htmlLang(page)).toBe('bm');
    await page.getByText('ntɛnɛ–juma 18:00 ka se 23:00').waitFor();
    await page.getByText('Sigiyɔrɔ', { exact: true }).waitFor();
    await saveScreenshot(page, 'public-directory-service-bm-phone');
    await page.getByRole('link', { name: 'Segin lisi la' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dɛmɛ sɔrɔyɔrɔw — Kayes' }).waitFor();
    await page.getByRole('link', { name: `${SHELTER_PHONE} wele` }).waitFor();
  });

  it('has no serious accessibility violation on the home, list and service pages', async () => {
    // axe runs as a script, so this context has JavaScript and lets it past the pages' no-script policy; the pages are the same ones.
    const context = await env.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    try {
      for (const path of ['/annuaire?lang=bm', '/annuaire/services?region=ML01', '/annuaire/services?region=ML01&need=food&lang=en']) {
        await page.goto(`${env.server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await seriousAccessibilityViolations(page), path).toEqual([]);
      }
      await page.getByRole('link', { name: FOOD }).click();
      await page.getByRole('heading', { level: 1, name: FOOD }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
