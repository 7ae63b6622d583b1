import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result } from 'axe-core';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';

/** The smallest phone we design for, and an office screen. */
export const PHONE = { width: 360, height: 640 };
export const DESKTOP = { width: 1280, height: 800 };

/** WCAG 2.5.5 asks for 44 CSS px; a thumb on a cracked screen needs no less. */
export const MIN_TOUCH_PX = 44;

const CHROMIUM = process.env.SIRA_CHROMIUM ?? '/usr/bin/chromium';
const AXE_SCRIPT = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
/** Screenshots and other artefacts of a run (gitignored), kept for a person to look at. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../.e2e-artifacts', import.meta.url));

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenedApp {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh context (no cookies, no storage) on the app. The browser speaks English on
 * purpose: the app must still start in French, and must itself tell the server which
 * language it wants.
 */
export async function openApp(browser: Browser, url: string, viewport = PHONE): Promise<OpenedApp> {
  const context = await browser.newContext({ viewport, locale: 'en-US', hasTouch: viewport === PHONE, isMobile: viewport === PHONE });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

/** Saves a full-page screenshot as `.e2e-artifacts/screenshots/<name>.png`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS_DIR, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Resolves once a service worker controls the page and has finished precaching the shell. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (registration.active?.state !== 'activated') {
      await new Promise<void>((resolve) => registration.active?.addEventListener('statechange', () => resolve()));
    }
  });
}

export function htmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

export async function height(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return box.height;
}

export async function signInThroughForm(page: Page, email: string, password: string, labels = { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' }): Promise<void> {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

/** Runs axe-core in the page; returns the violations a person would be blocked by. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  return results.violations
    .filter((v: Result) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: Result) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
