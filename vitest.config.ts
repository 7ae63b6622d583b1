import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: PGlite instances and child servers are heavy, so keep parallelism modest.
    maxWorkers: 2,
    pool: 'forks',
  },
});
