import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_AREAS } from '../../domain/i18n/catalogues/index.ts';
import { CORE_AREAS } from '../../domain/i18n/catalogues/core.ts';

/**
 * The web build carries the core catalogue areas only; every other area a page uses must be
 * added by a `messages.ts` module that the page imports (or it would show raw keys). This
 * checks the areas; the browser tests check the pages.
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const files = fs.readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

describe('catalogue areas in the web app', () => {
  it('are core, or added by a messages module', () => {
    const areas = new Set<string>(CATALOGUE_AREAS);
    const used = new Set<string>();
    for (const f of files) for (const m of read(f).matchAll(/['"`]([a-zA-Z]+)\.[a-zA-Z_]/g)) if (areas.has(m[1]!)) used.add(m[1]!);
    const added = new Set<string>();
    for (const f of files.filter((x) => path.basename(x) === 'messages.ts')) for (const m of read(f).matchAll(/catalogues\/([a-zA-Z]+)\/fr\.json/g)) added.add(m[1]!);
    const core = new Set<string>(CORE_AREAS);
    expect([...used].filter((a) => !core.has(a) && !added.has(a)).sort()).toEqual([]);
    expect(added.size).toBeGreaterThan(5);
  });

  it('are added by each page that needs them, before it renders', () => {
    const pages = files.filter((f) => /-page\.tsx$/.test(f));
    const missing = pages.filter((f) => {
      const text = read(f);
      const needs = [...text.matchAll(/['"`]([a-zA-Z]+)\.[a-zA-Z_]/g)].map((m) => m[1]!).filter((a) => (CATALOGUE_AREAS as readonly string[]).includes(a) && !(CORE_AREAS as readonly string[]).includes(a));
      return needs.length > 0 && !/^import '\.{1,2}\/(\.\.\/)?messages\.ts';/m.test(text);
    });
    expect(missing).toEqual([]);
  });
});
