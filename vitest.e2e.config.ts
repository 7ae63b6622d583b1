import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server in-process, the built web app, headless Chromium.
 * One file at a time: each starts a server and a browser, and two cores are not enough
 * for two of each without timing noise.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
