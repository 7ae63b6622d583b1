import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type E2eServer, startE2eServer } from './server.ts';

export interface E2eEnvironment {
  readonly server: E2eServer;
  readonly browser: Browser;
}

/** One real server and one Chromium per test file, started together and always stopped. */
export function useE2eEnvironment(): E2eEnvironment {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('e2e server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched');
      return browser;
    },
  };
}
