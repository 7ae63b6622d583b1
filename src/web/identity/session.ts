import type { CurrentUserView } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { type ApiResult, apiRequest } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/**
 * A type-only import: the browser bundle gets the shape, not zod. `abilities` is optional
 * here so that a server answering without it (an older one) shows only what everyone may.
 */
export type CurrentUser = Omit<CurrentUserView, 'abilities'> & { abilities?: readonly string[] | undefined };

/** Whether the signed-in user may do this somewhere; the server still decides each request. */
export function hasAbility(user: CurrentUser, ability: string): boolean {
  return user.abilities?.includes(ability) ?? false;
}

export function fetchCurrentUser(locale: Locale): Promise<ApiResult<CurrentUser>> {
  return apiRequest<CurrentUser>('/api/auth/me', { locale });
}

/** A right password on an account with a second factor: no session yet, a code must follow. */
export interface TotpChallenge {
  totpRequired: true;
  challenge: string;
}

export function isTotpChallenge(answer: CurrentUser | TotpChallenge): answer is TotpChallenge {
  return (answer as Partial<TotpChallenge>).totpRequired === true;
}

export function signIn(locale: Locale, email: string, password: string): Promise<ApiResult<CurrentUser | TotpChallenge>> {
  return apiRequest<CurrentUser | TotpChallenge>('/api/auth/login', { locale, method: 'POST', body: { email, password } });
}

/** The second step: the challenge from the first and the authenticator app's code. */
export function signInWithCode(locale: Locale, challenge: string, code: string): Promise<ApiResult<CurrentUser>> {
  return apiRequest<CurrentUser>('/api/auth/login/totp', { locale, method: 'POST', body: { challenge, code } });
}

export function signOut(locale: Locale, csrfToken: string): Promise<ApiResult<void>> {
  return apiRequest<void>('/api/auth/logout', { locale, method: 'POST', csrfToken });
}

/** Remembers the language on the account (command `user.set_locale`), for every device. */
export function saveUserLocale(next: Locale, csrfToken: string) {
  return sendCommand<{ locale: Locale }>('user.set_locale', { locale: next }, { locale: next, csrfToken });
}
