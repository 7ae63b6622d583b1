import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * CI runs on a clean checkout, wherever it is cloned: no code or test may read the project's
 * shared reference folder beside the repository (copy what is needed, as vendor/hsds-3.0 and
 * test/fixtures/dedup-dev do).
 */
const ROOT = path.resolve(import.meta.dirname, '..');

describe('the repository', () => {
  it('reads nothing from outside itself', () => {
    const offenders: string[] = [];
    for (const dir of ['src', 'test', 'bench', 'e2e', 'scripts']) {
      if (!fs.existsSync(path.join(ROOT, dir))) continue;
      for (const f of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(ts|tsx|mjs|js)$/.test(f) || f.endsWith('self-contained.test.ts')) continue;
        const code = fs.readFileSync(path.join(ROOT, dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        if (/['"`][^'"`]*\.\.\/shared\//.test(code)) offenders.push(`${dir}/${f}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
