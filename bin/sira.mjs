#!/usr/bin/env node
// Sira's command line (`npx sira <command>`). Server code is TypeScript run through tsx,
// so the CLI needs no build step, like the server.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
}
// Leftover handles (database pools, worker threads) must not keep a finished command alive.
process.exit(process.exitCode);
