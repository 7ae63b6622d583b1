import { describe, expect, it } from 'vitest';
import type { ApiProblem } from './client.ts';
import { detailMessage, problemMessage } from './errors.ts';

const wrongPassword: ApiProblem = {
  kind: 'error',
  status: 401,
  locale: 'fr',
  error: { code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.', requestId: 'req-1' },
};

describe('messages of failed calls', () => {
  it('shows the server’s translated message in the language it was asked in', () => {
    expect(problemMessage(wrongPassword, 'fr')).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('translates again from the stable code after a change of language', () => {
    expect(problemMessage(wrongPassword, 'en')).not.toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(problemMessage(wrongPassword, 'en')).toMatch(/password/i);
    const internal: ApiProblem = { ...wrongPassword, status: 500, error: { code: 'INTERNAL', message: '…', requestId: 'abc-123' } };
    expect(problemMessage(internal, 'en')).toContain('abc-123');
  });

  it('keeps the server’s message when the catalogue needs a value only the server had, or lacks the code', () => {
    const tooLarge: ApiProblem = { ...wrongPassword, status: 413, error: { code: 'BODY_TOO_LARGE', message: 'La requête est trop volumineuse (maximum 1 000 octets).', requestId: 'r' } };
    expect(problemMessage(tooLarge, 'en')).toBe('La requête est trop volumineuse (maximum 1 000 octets).');
    const unknown: ApiProblem = { ...wrongPassword, error: { code: 'FROM_A_NEWER_SERVER', message: 'Message du serveur.', requestId: 'r' } };
    expect(problemMessage(unknown, 'en')).toBe('Message du serveur.');
  });

  it('says the server is not answering when there was no usable answer', () => {
    expect(problemMessage({ kind: 'network' }, 'fr')).toBe('Le serveur ne répond pas. Vérifiez la connexion puis réessayez.');
  });

  it('translates field details again from their code', () => {
    expect(detailMessage({ path: 'email', code: 'required', message: 'Ce champ est obligatoire.' }, 'fr', 'fr')).toBe('Ce champ est obligatoire.');
    expect(detailMessage({ path: 'email', code: 'required', message: 'Ce champ est obligatoire.' }, 'fr', 'en')).not.toBe('Ce champ est obligatoire.');
  });
});
