import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/domain/i18n/translate.ts';

/**
 * A refinement in the shared schemas names its rule with `params: { code }`, never with an
 * English `message`: zod would show that message before any translation, in the browser and
 * in the server's answers. Each code has its words in the catalogues (`validation.<code>`).
 */
const DOMAIN = path.resolve(import.meta.dirname, '../../src/domain');
const sources = fs
  .readdirSync(DOMAIN, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(DOMAIN, f), 'utf8') }));

describe('refinements in the shared schemas', () => {
  it('carry a code, not a message', () => {
    const withMessage = sources.filter((s) => /\.(refine|superRefine)\([\s\S]{0,300}?\bmessage:\s*'/.test(s.text)).map((s) => s.file);
    expect(withMessage).toEqual([]);
  });

  it('have every code translated', () => {
    const codes = sources.flatMap((s) => [...s.text.matchAll(/params:\s*\{\s*code:\s*'([a-z0-9_]+)'/g)].map((m) => m[1]!));
    expect(codes.length).toBeGreaterThan(5);
    expect(codes.filter((c) => !(`validation.${c}` in catalogues.fr))).toEqual([]);
  });
});
