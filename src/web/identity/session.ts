import type { CurrentUserView } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { type ApiResult, apiRequest } from '../api/client.ts';

// A type-only import: the browser bundle gets the shape, not zod.
export type CurrentUser = CurrentUserView;

export function fetchCurrentUser(locale: Locale): Promise<ApiResult<CurrentUser>> {
  return apiRequest<CurrentUser>('/api/auth/me', { locale });
}

export function signIn(locale: Locale, email: string, password: string): Promise<ApiResult<CurrentUser>> {
  return apiRequest<CurrentUser>('/api/auth/login', { locale, method: 'POST', body: { email, password } });
}

export function signOut(locale: Locale, csrfToken: string): Promise<ApiResult<void>> {
  return apiRequest<void>('/api/auth/logout', { locale, method: 'POST', csrfToken });
}
