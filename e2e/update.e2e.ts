import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, saveScreenshot, seriousAccessibilityViolations, waitForServiceWorker } from './support/browser.ts';
import { type E2eServer, WEB_DIR, startE2eServer } from './support/server.ts';

/**
 * A new version is published while a phone has the app open: the server here serves a copy
 * of the build, whose sw.js the test changes as a deployment would.
 */
let webDir = '';
let server: E2eServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-e2e-web-'));
  fs.cpSync(WEB_DIR, webDir, { recursive: true });
  [server, browser] = await Promise.all([startE2eServer({ webDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(webDir, { recursive: true, force: true });
});

function publishNewVersion(): void {
  const sw = path.join(webDir, 'sw.js');
  fs.appendFileSync(sw, `\n// published ${Date.now()}\n`);
  // Pre-compressed copies of the old worker must not shadow the new one.
  for (const suffix of ['.br', '.gz']) fs.rmSync(sw + suffix, { force: true });
}

function checkForUpdate(page: Page): Promise<void> {
  return page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
}

const AVAILABLE = 'Une nouvelle version de Sira est prête.';

describe('app update', () => {
  it('waits for the person: offered, postponed, offered again at the next start, applied on request with a reload', async () => {
    if (!server || !browser) throw new Error('not started');
    const { context, page } = await openApp(browser, server.url);
    await waitForServiceWorker(page);
    const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);

    publishNewVersion();
    await checkForUpdate(page);
    const banner = page.getByText(AVAILABLE);
    await banner.waitFor();
    // Installed and waiting: the page still runs the old version until the person agrees.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await saveScreenshot(page, 'update-available-phone');

    await page.getByRole('button', { name: 'Plus tard' }).click();
    await expect.poll(() => banner.count()).toBe(0);

    await page.reload();
    await banner.waitFor();

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Mettre à jour' }).click();
    await reloaded;
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstWorker);
    expect(await banner.count()).toBe(0);
    await context.close();
  });
});
