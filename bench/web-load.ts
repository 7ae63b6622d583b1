import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { WEB_DIR, startE2eServer } from '../e2e/support/server.ts';
import { LOGIN_INTERACTIVE_MARK } from '../src/web/identity/marks.ts';
import { REPO_ROOT } from './machine.ts';
import { type Summary, summarise } from './stats.ts';
import { NETWORK_PROFILES, NetworkRecorder, type ProfileName } from './web-network.ts';
import { type FileSize, allScripts, sizeOf } from './web-sizes.ts';

const PHONE = { width: 360, height: 640 };
const STEP_TIMEOUT_MS = 90_000;

export interface LoadTimes {
  profile: ProfileName | 'unthrottled';
  /** Navigation start to the login form being usable, empty cache, no service worker. */
  cold: Summary;
  /** The same, on the next visit: the service worker answers from its cache. */
  warm: Summary;
}

export interface WebBenchResult {
  chromium: string;
  runs: number;
  /** Scripts in index.html (entry and modulepreloads): needed before the form shows. */
  critical: FileSize[];
  /** Every script the login page fetched, including what it prefetches once usable. */
  loginPage: FileSize[];
  /** The login page, then signing in to the home page: the login page and the shell. */
  loginAndShell: FileSize[];
  css: FileSize[];
  everyScript: FileSize[];
  /** What the server actually sent for the login page's scripts. */
  wire: { bytes: number; encodings: string[] };
  times: LoadTimes[];
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SIRA_CHROMIUM ?? '/usr/bin/chromium',
    // Every name fails to resolve except 127.0.0.1: the benchmark cannot reach anything else.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

async function interactiveMs(page: Page): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, LOGIN_INTERACTIVE_MARK, { timeout: STEP_TIMEOUT_MS, polling: 20 });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, LOGIN_INTERACTIVE_MARK);
}

/** One cold visit then one warm visit, in a fresh context (empty cache, no worker, no cookies). */
async function coldThenWarm(browser: Browser, url: string, profile: ProfileName | undefined): Promise<{ cold: number; warm: number }> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const recorder = await NetworkRecorder.attach(context, page);
    await recorder.throttle(profile);
    await page.goto(url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
    const cold = await interactiveMs(page);
    // The worker installs after the page's load event and precaches the build.
    await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller), undefined, { timeout: STEP_TIMEOUT_MS });
    await page.goto(url, { waitUntil: 'commit', timeout: STEP_TIMEOUT_MS });
    const warm = await interactiveMs(page);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

function scriptPaths(fetched: readonly { url: string; type: string; fromServiceWorker: boolean }[]): string[] {
  return [...new Set(fetched.filter((f) => f.type === 'Script' && f.url.includes('/assets/')).map((f) => new URL(f.url).pathname))];
}

/** What the login page and then the shell load, measured once without throttling. */
async function measureBytes(browser: Browser, url: string, user: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const recorder = await NetworkRecorder.attach(context, page);
    await page.goto(url, { waitUntil: 'networkidle', timeout: STEP_TIMEOUT_MS });
    await interactiveMs(page);
    await page.waitForLoadState('networkidle');
    const loginFiles = [...recorder.files];
    await page.getByLabel('Adresse e-mail').fill(user.email);
    await page.getByLabel('Mot de passe').fill(user.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    const loginScripts = loginFiles.filter((f) => f.type === 'Script' && f.url.includes('/assets/'));
    return {
      loginPage: scriptPaths(loginFiles),
      loginAndShell: scriptPaths(recorder.files),
      css: [...new Set(loginFiles.filter((f) => f.type === 'Stylesheet').map((f) => new URL(f.url).pathname))],
      wire: { bytes: loginScripts.reduce((sum, f) => sum + f.transferred, 0), encodings: [...new Set(loginScripts.map((f) => f.encoding || 'none'))] },
    };
  } finally {
    await context.close();
  }
}

function criticalScripts(webDir: string): string[] {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
}

export async function benchWeb(runs: number, log: (line: string) => void): Promise<WebBenchResult> {
  log('  building the web app (vite build)');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const [server, browser] = await Promise.all([startE2eServer(), launch()]);
  try {
    const bytes = await measureBytes(browser, server.url, server.user);
    const times: LoadTimes[] = [];
    for (const profile of [undefined, ...(Object.keys(NETWORK_PROFILES) as ProfileName[])]) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t = await coldThenWarm(browser, server.url, profile);
        cold.push(t.cold);
        warm.push(t.warm);
        log(`  ${profile ?? 'unthrottled'} run ${i + 1}/${runs}: cold ${t.cold.toFixed(0)} ms, warm ${t.warm.toFixed(0)} ms`);
      }
      times.push({ profile: profile ?? 'unthrottled', cold: summarise(cold), warm: summarise(warm) });
    }
    return {
      chromium: browser.version(),
      runs,
      critical: criticalScripts(WEB_DIR).map((p) => sizeOf(WEB_DIR, p)),
      loginPage: bytes.loginPage.map((p) => sizeOf(WEB_DIR, p)),
      loginAndShell: bytes.loginAndShell.map((p) => sizeOf(WEB_DIR, p)),
      css: bytes.css.map((p) => sizeOf(WEB_DIR, p)),
      everyScript: allScripts(WEB_DIR),
      wire: bytes.wire,
      times,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
