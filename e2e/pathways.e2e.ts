import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MIN_TOUCH_PX, PHONE, height, openApp, saveScreenshot, seriousAccessibilityViolations, signInThroughForm } from './support/browser.ts';
import { useE2eEnvironment } from './support/environment.ts';
import type { E2eUser } from './support/server.ts';

/**
 * Issue 8, part 1: the coordinator adapts a referral pathway on a phone, and every member
 * reads and prints the flow chart it draws.
 */
const env = useE2eEnvironment();

async function signIn(page: Page, who: E2eUser): Promise<void> {
  await signInThroughForm(page, who.email, who.password);
  await page.getByRole('heading', { level: 1, name: `Bonjour, ${who.displayName}` }).waitFor();
}

async function openStrandedMigrants(page: Page): Promise<void> {
  const link = page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Circuits', exact: true });
  expect(await link.getAttribute('href')).toBe('/referrals/pathways');
  await link.click();
  await page.getByRole('heading', { level: 1, name: "Circuits d'orientation" }).waitFor();
  await page.getByRole('link', { name: 'Migrant bloqué' }).click();
  await page.getByRole('heading', { level: 2, name: 'Migrant bloqué' }).waitFor();
}

/** The chart's step labels in drawing order, as the server draws them for this browser's session. */
async function chartTexts(request: APIRequestContext): Promise<string> {
  const answer = await request.get(`${env.server.url}/api/referral-pathways/stranded_migrant/diagram.svg?lang=fr`);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  return [...(await answer.text()).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('|');
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function diagramLoaded(page: Page): Promise<void> {
  const image = page.getByRole('img', { name: /^Migrant bloqué :/ });
  await image.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.pathway-print img');
    return !!img && img.complete && img.naturalWidth > 0;
  });
}

describe('referral pathways', () => {
  it('lets the coordinator add a step on a phone, move it up and save it, and the chart shows it', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.coordinator);
    await openStrandedMigrants(page);
    await diagramLoaded(page);
    expect(await page.getByRole('img', { name: /^Migrant bloqué :/ }).getAttribute('alt')).toContain('9. Réintégration (Ensuite)');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Modifier ce circuit' }).click();
    const editor = page.getByRole('form', { name: 'Modifier le circuit' });
    await editor.getByRole('group', { name: 'Étape 9' }).waitFor();
    await editor.getByRole('button', { name: 'Ajouter une étape' }).click();
    const added = editor.getByRole('group', { name: 'Étape 10' });
    // The new step's first field has the focus, ready to choose.
    expect(await added.getByLabel('Type de service').evaluate((el) => el === document.activeElement)).toBe(true);
    await added.getByLabel('Type de service').selectOption({ label: 'Interprétariat' });
    await added.getByLabel('Quand').selectOption({ label: 'Sous 72 h' });
    const up = added.getByRole('button', { name: "Monter l'étape 10" });
    expect(await height(up)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    await up.click();

    // The step is now ninth, with its choices, and the focus followed it.
    const moved = editor.getByRole('group', { name: 'Étape 9' });
    expect(await moved.getByLabel('Type de service').locator('option:checked').textContent()).toBe('Interprétariat');
    expect(await moved.getByRole('button', { name: "Monter l'étape 9" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.getByText('Étape déplacée en position 9.').waitFor();
    expect(await editor.getByRole('group', { name: 'Étape 10' }).getByLabel('Type de service').locator('option:checked').textContent()).toBe('Réintégration');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'pathways-editor-phone');

    await editor.getByRole('button', { name: 'Enregistrer le circuit' }).click();
    await page.getByText('Circuit enregistré.').waitFor();
    await page.getByText(/^Adapté par la coordination le /).waitFor();
    await page.getByRole('img', { name: /9\. Interprétariat \(Sous 72 h\) → 10\. Réintégration \(Ensuite\)$/ }).waitFor();
    await diagramLoaded(page);
    const texts = await chartTexts(context.request);
    expect(texts).toMatch(/\|9\|Interprétariat\|Sous 72 h\|10\|Réintégration\|Ensuite$/);

    // Back to the pathway Sira ships, after confirming in place.
    await page.getByRole('button', { name: 'Modifier ce circuit' }).click();
    await page.getByRole('button', { name: 'Revenir au circuit fourni avec Sira' }).click();
    await page.getByText('Revenir au circuit fourni avec Sira ? Les modifications de la coordination pour ce groupe seront perdues.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "Oui, revenir au circuit d'origine" }).click();
    await page.getByText('Le circuit fourni avec Sira est rétabli.').waitFor();
    await page.getByText('Circuit fourni avec Sira', { exact: true }).waitFor();
    expect(await chartTexts(context.request)).not.toContain('Interprétariat');
    await context.close();
  });

  it('lets the coordinator start a pathway for a target group that has none', async () => {
    const { context, page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.coordinator);
    await page.goto(`${env.server.url}/referrals/pathways`);
    const start = page.getByRole('form', { name: 'Nouveau circuit' });
    await start.getByLabel("Groupe cible qui n'a pas encore de circuit").selectOption({ label: 'Enfant' });
    await start.getByRole('button', { name: 'Créer son circuit' }).click();
    await page.getByRole('heading', { level: 2, name: 'Enfant' }).waitFor();
    const editor = page.getByRole('form', { name: 'Modifier le circuit' });
    expect(await editor.getByRole('button', { name: 'Enregistrer le circuit' }).isDisabled()).toBe(true);
    await editor.getByRole('button', { name: 'Ajouter une étape' }).click();
    await editor.getByRole('group', { name: 'Étape 1' }).getByLabel('Type de service').selectOption({ label: "Protection de l'enfant" });
    await editor.getByRole('button', { name: 'Enregistrer le circuit' }).click();
    await page.getByRole('img', { name: "Enfant : 1. Protection de l'enfant (Ensuite)" }).waitFor();
    const list = (await (await context.request.get(`${env.server.url}/api/referral-pathways`)).json()) as { items: { targetGroup: string; version: number; isDefault: boolean }[] };
    expect(list.items.find((p) => p.targetGroup === 'child')).toMatchObject({ version: 1, isDefault: false });
    await context.close();
  });

  it('shows a frontline identifier the chart to print, on a 360 px phone, and no editor', async () => {
    const { page } = await openApp(env.browser, env.server.url, PHONE);
    await signIn(page, env.server.user);
    await openStrandedMigrants(page);
    await diagramLoaded(page);
    const print = page.getByRole('button', { name: 'Imprimer le diagramme' });
    expect(await height(print)).toBeGreaterThanOrEqual(MIN_TOUCH_PX);
    expect(await page.getByRole('button', { name: 'Modifier ce circuit' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Modifier le circuit' }).count()).toBe(0);
    await saveScreenshot(page, 'pathways-chart-phone');
    expect(await noSideScroll(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // On paper, the chart alone.
    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(false);
    expect(await page.getByRole('img', { name: /^Migrant bloqué :/ }).isVisible()).toBe(true);
    await page.context().close();
  });
});
