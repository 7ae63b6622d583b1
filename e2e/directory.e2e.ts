import { randomUUID } from 'node:crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, MIN_TOUCH_PX, PHONE, height, openApp, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

const env = useE2eEnvironment();

const SHELTER = "Hébergement d'urgence de Ségou";
const CLINIC = 'Soins de santé primaires à Ségou';
const LEGAL = 'Clinique juridique de Gao';
const ids = { shelter: randomUUID(), clinic: randomUUID(), legal: randomUUID() };

/** A command as the signed-in person of this request context, with their CSRF token. */
async function command(request: APIRequestContext, name: string, input: unknown): Promise<void> {
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const answer = await request.post(`${env.server.url}/api/commands/${name}`, { headers: { 'x-csrf-token': me.csrfToken }, data: { id: randomUUID(), input } });
  expect(answer.status(), await answer.text()).toBe(200);
}

/** The directory, made through the API by the system administrator, as an import or a coordinator would. */
async function seedDirectory(): Promise<void> {
  const context = await env.browser.newContext();
  const { request } = context;
  const login = await request.post(`${env.server.url}/api/auth/login`, { data: { email: env.server.admin.email, password: env.server.admin.password } });
  expect(login.status()).toBe(200);
  const me = (await (await request.get(`${env.server.url}/api/auth/me`)).json()) as { organisation: { id: string } };
  const organisationId = me.organisation.id;
  const base = { organisationId, status: 'active', visibility: 'public', targetGroups: [], contacts: [], locations: [] };
  await command(request, 'taxonomy.seed', {});
  await command(request, 'service.create', {
    ...base,
    serviceId: ids.shelter,
    name: SHELTER,
    description: "Accueil de nuit pour les personnes migrantes bloquées, avec repas et orientation.",
    serviceTypes: ['shelter'],
    targetGroups: ['stranded_migrant'],
    languages: ['fr', 'bm'],
    costs: [{ kind: 'free' }],
    phones: [{ number: '+223 21 32 00 00', description: 'Permanence 24 h sur 24' }],
    schedules: [{ days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '08:00', closesAt: '17:00' }],
    coverage: ['ML04'],
    locations: [{ id: randomUUID(), locationType: 'physical', name: "Centre d'accueil", admin1Pcode: 'ML04', confidential: false, address: { address1: 'Rue 12, quartier Médine', city: 'Ségou', country: 'ML' } }],
    capacity: { unit: 'bed', available: 4, maximum: 20 },
  });
  await command(request, 'service.create', {
    ...base,
    serviceId: ids.clinic,
    name: CLINIC,
    serviceTypes: ['medical'],
    languages: ['fr'],
    costs: [{ kind: 'cost_shared', amount: 2500 }],
    phones: [{ number: '+223 21 32 11 11' }],
    schedules: [],
    coverage: ['ML04'],
  });
  await command(request, 'service.create', {
    ...base,
    serviceId: ids.legal,
    name: LEGAL,
    serviceTypes: ['legal_aid'],
    languages: ['fr'],
    costs: [{ kind: 'paid', amount: 5000 }],
    phones: [],
    schedules: [],
    coverage: ['ML07'],
  });
  // Enough transport offers in Djôrô that the list comes in pages.
  for (let i = 1; i <= 8; i += 1) {
    await command(request, 'service.create', { ...base, serviceId: randomUUID(), name: `Transport solidaire ${i}`, serviceTypes: ['transport'], languages: ['fr'], costs: [], phones: [], schedules: [], coverage: ['BF57'] });
  }
  // The clinic was checked today; the others never were, so they read as stale.
  await command(request, 'service.verify', { serviceId: ids.clinic });
  await context.close();
}

beforeAll(seedDirectory);

async function signIn(page: Page, who: E2eUser): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
}

async function followNav(page: Page, label: string, path: string): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: label });
  expect(await link.getAttribute('href')).toBe(path);
  await link.click();
}

const cards = (page: Page) => page.locator('[data-service-id]');
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('service directory (signed-in members)', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`on a ${name}: a caseworker pages through the directory, finds "Ségou" by typing "SEGOU", narrows with two filters, and calls from the service page`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await signIn(page, env.server.user);
      // Coordinators' coverage page is not offered to a frontline identifier.
      expect(await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Couverture' }).count()).toBe(0);
      await followNav(page, 'Annuaire des services', '/directory');
      await page.getByRole('heading', { level: 1, name: 'Annuaire des services' }).waitFor();
      // The whole directory at first (the test server seeds entries of its own too), ten at a time.
      const total = Number((await page.getByText(/^\d+ services trouvés$/).textContent())?.split(' ')[0]);
      expect(total).toBeGreaterThan(10);
      expect(await cards(page).count()).toBe(10);
      await page.getByRole('button', { name: `Plus de résultats (${total - 10} restants)` }).click();
      await expect.poll(() => cards(page).count()).toBe(total);
      expect(await page.getByRole('button', { name: /^Plus de résultats/ }).count()).toBe(0);
      await cards(page).filter({ hasText: LEGAL }).waitFor();
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      // Without accents or capitals.
      await page.getByLabel('Mots recherchés').fill('SEGOU');
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText(/^\d+ services trouvés$/).waitFor();
      await cards(page).filter({ hasText: LEGAL }).waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('q')).toBe('SEGOU');
      const found = await cards(page).locator('h2').allTextContents();
      expect(found).toEqual(expect.arrayContaining([CLINIC, SHELTER]));
      expect(found.every((n) => n.includes('Ségou'))).toBe(true);
      const shelterCard = cards(page).filter({ hasText: SHELTER });
      await shelterCard.getByText('Informations à vérifier : pas confirmées depuis longtemps.').waitFor();
      expect(await cards(page).filter({ hasText: CLINIC }).getByText('Informations à vérifier').count()).toBe(0);
      await shelterCard.getByText('Hébergement', { exact: true }).waitFor();
      await shelterCard.getByText('Où : Ségou').waitFor();

      // Two filters with the words: all must hold (AND).
      await page.locator('summary', { hasText: 'Filtres' }).click();
      await page.getByLabel('Type de service').selectOption({ label: 'Hébergement' });
      await page.getByLabel('Langue parlée').selectOption({ label: 'Bamanankan' });
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText('1 service trouvé').waitFor();
      expect(await cards(page).locator('h2').allTextContents()).toEqual([SHELTER]);
      const address = new URL(page.url());
      expect(Object.fromEntries(address.searchParams)).toEqual({ q: 'SEGOU', serviceType: 'shelter', language: 'bm' });
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(viewport.width);

      // The search lives in the address: a reload (or a shared link) shows the same.
      await page.reload();
      await page.getByText('1 service trouvé').waitFor();
      expect(await page.getByLabel('Type de service').inputValue()).toBe('shelter');
      expect(await page.getByLabel('Mots recherchés').inputValue()).toBe('SEGOU');

      // Nothing paid here: the empty state offers to drop each criterion.
      await page.locator('summary', { hasText: 'Filtres (2 utilisés)' }).click();
      await page.getByLabel('Coût', { exact: true }).selectOption({ label: 'Payant' });
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await page.getByText('Aucun service ne correspond à cette recherche.').waitFor();
      await page.getByRole('link', { name: 'Sans « Payant »' }).click();
      await page.getByText('1 service trouvé').waitFor();

      // The service page: everything to call or refer. Opening it searches nothing more (bytes matter on 2G).
      const searches: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/directory/services?')) searches.push(r.url());
      });
      await cards(page).getByRole('link', { name: SHELTER, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: SHELTER }).waitFor();
      await page.getByText('Rue 12, quartier Médine').waitFor();
      expect(searches).toEqual([]);
      await page.getByText(env.server.admin.organisationName, { exact: true }).waitFor();
      const call = page.getByRole('link', { name: 'Appeler le +223 21 32 00 00' });
      expect(await call.getAttribute('href')).toBe('tel:+22321320000');
      expect(await height(call)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
      await page.getByText('Ces informations n\'ont jamais été vérifiées. Appelez pour les confirmer avant d\'orienter quelqu\'un.').waitFor();
      await page.getByText('lundi à vendredi : 08:00 – 17:00').waitFor();
      await page.getByText('4 lits disponibles sur 20').waitFor();
      await page.getByText('Rue 12, quartier Médine').waitFor();
      await page.getByText('Français, Bamanankan').waitFor();
      await page.getByText('Migrant bloqué').waitFor();
      // A frontline identifier does not keep directory entries.
      expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(viewport.width);

      // Back to the directory: the same search as before.
      await page.getByRole('link', { name: "Retour à l'annuaire" }).click();
      await page.getByText('1 service trouvé').waitFor();
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ q: 'SEGOU', serviceType: 'shelter', language: 'bm' });

      // An amount reads in CFA francs, as in Mali.
      await page.goto(`${env.server.url}/directory/services/${ids.clinic}`);
      await page.getByRole('heading', { level: 1, name: CLINIC }).waitFor();
      expect(await page.getByText(/Participation aux frais · 2\s500\sF\sCFA/).count()).toBe(1);
      await page.getByText(/^Dernière vérification : /).waitFor();
      await context.close();
    });

    it(`on a ${name}: a coordinator sees the gaps by service type and region, and may edit a service`, async () => {
      const { context, page } = await openApp(env.browser, env.server.url, viewport);
      await signIn(page, env.server.admin);
      await followNav(page, 'Couverture', '/directory/coverage');
      await page.getByRole('heading', { level: 1, name: 'Couverture' }).waitFor();
      const table = page.getByRole('table', { name: 'Organisations par type de service et par région' });
      await table.waitFor();
      const cell = (type: string, region: string) => table.locator(`tr[data-service-type="${type}"] td[data-region="${region}"]`);
      // Ségou has a shelter; Gao has none: a gap, said in words, not by colour alone.
      await expect(cell('shelter', 'ML04').textContent()).resolves.toBe('1');
      await expect(cell('shelter', 'ML07').textContent()).resolves.toBe('Aucun');
      await expect(cell('legal_aid', 'ML07').textContent()).resolves.toBe('1');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(await fitsWidth(page)).toBeLessThanOrEqual(viewport.width);

      // One region at a time reads on a phone; Burkina Faso has nothing yet.
      await page.getByLabel('Région affichée').selectOption({ label: 'Ségou' });
      await table.getByRole('columnheader', { name: 'Gao' }).waitFor({ state: 'detached' });
      expect(await table.locator('thead th').allTextContents()).toEqual(['Type de service', 'Ségou']);
      await page.getByLabel('Pays').selectOption({ label: 'Burkina Faso' });
      await table.getByRole('columnheader', { name: 'Kadiogo' }).waitFor();
      await expect(cell('shelter', 'BF13').textContent()).resolves.toBe('Aucun');
      expect(await table.locator('td[data-region="ML04"]').count()).toBe(0);

      // A count leads to the services behind it; the coordinator may edit them.
      await page.getByLabel('Pays').selectOption({ label: 'Mali' });
      await table.getByRole('columnheader', { name: 'Gao' }).waitFor();
      await cell('shelter', 'ML04').getByRole('link').click();
      await page.getByText('1 service trouvé').waitFor();
      await cards(page).getByRole('link', { name: SHELTER, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: SHELTER }).waitFor();
      const edit = page.getByRole('link', { name: `Modifier le service ${SHELTER}` });
      expect(await edit.getAttribute('href')).toBe(`/directory/services/${ids.shelter}/edit`);
      await context.close();
    });
  }
});
