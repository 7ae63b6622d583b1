import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loginInput } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { issueMessage } from './zod-messages.ts';

function messages(locale: Locale, schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { error: (issue) => issueMessage(locale, issue) });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('form messages from the shared zod schemas', () => {
  it('says "required" for empty fields, even where the schema wants an email', () => {
    expect(messages('fr', loginInput, { email: '', password: '' })).toEqual({ email: 'Ce champ est obligatoire.', password: 'Ce champ est obligatoire.' });
    expect(messages('fr', loginInput, { email: '   ', password: 'x' })).toEqual({ email: 'Ce champ est obligatoire.' });
  });

  it('uses the server’s validation codes, in each language', () => {
    expect(messages('fr', loginInput, { email: 'not-an-address', password: 'x' })).toEqual({ email: 'Adresse e-mail invalide.' });
    expect(messages('en', loginInput, { email: 'not-an-address', password: 'x' }).email).toBe('Invalid email address.');
    const bm = messages('bm', loginInput, { email: 'not-an-address', password: 'x' }).email;
    expect(bm).toBeTruthy();
    expect(bm).not.toBe('Adresse e-mail invalide.');
  });

  it('passes limits to plural messages', () => {
    const name = z.object({ name: z.string().min(2).max(5) });
    expect(messages('fr', name, { name: 'a' })).toEqual({ name: 'Au moins 2 caractères.' });
    expect(messages('en', name, { name: 'abcdefgh' }).name).toMatch(/5/);
  });
});
