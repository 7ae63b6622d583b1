import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_ONLY_AREAS } from '../../domain/i18n/server-only.ts';

/** The web build drops the server-only catalogue areas: a page using one would show raw keys. */
describe('server-only catalogue areas', () => {
  it('are not used by the web app', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'));
    const pattern = new RegExp(`['"\`](${[...SERVER_ONLY_AREAS].join('|')})\\.[A-Za-z]`);
    const offenders = files.filter((f) => pattern.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });
});
