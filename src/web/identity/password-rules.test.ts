import { describe, expect, it } from 'vitest';
import { changePasswordInput } from '../../domain/identity/schemas.ts';
import { groupKey } from './account-api.ts';
import { newPasswordFields, passwordResolver, withConfirmation } from './password-rules.ts';

interface Values {
  password: string;
  confirm: string;
}

const resolve = (values: Values, locale: 'fr' | 'en' = 'fr') =>
  passwordResolver<Values>(withConfirmation(newPasswordFields), locale)(values, undefined, { fields: {}, shouldUseNativeValidation: false });

describe('new password typed twice', () => {
  it('accepts the same password of 12 characters or more', async () => {
    const result = await resolve({ password: 'a river at dawn', confirm: 'a river at dawn' });
    expect(result.errors).toEqual({});
  });

  it('says which field is wrong, in the language on screen', async () => {
    const mismatch = await resolve({ password: 'a river at dawn', confirm: 'a river at dusk' });
    expect(Object.keys(mismatch.errors)).toEqual(['confirm']);
    expect(mismatch.errors.confirm?.message).toBe('Les deux mots de passe ne sont pas identiques.');
    const short = await resolve({ password: 'short', confirm: 'short' }, 'en');
    expect(short.errors.password?.message).toBe('At least 12 characters.');
    const empty = await resolve({ password: 'a river at dawn', confirm: '' });
    expect(empty.errors.confirm?.message).toBe('Ce champ est obligatoire.');
  });

  it('uses the server rule for a new password (the same schema as user.change_password)', () => {
    expect(newPasswordFields.password).toBe(changePasswordInput.shape.newPassword);
  });
});

describe('the key typed by hand', () => {
  it('reads in groups of four, as authenticator apps show it', () => {
    expect(groupKey('ABCDEFGHIJKLMNOPQ')).toBe('ABCD EFGH IJKL MNOP Q');
    expect(groupKey('ABCDEFGH')).toBe('ABCD EFGH');
  });
});
