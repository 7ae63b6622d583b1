import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure, type ApiResult, apiRequest } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** What `user.totp_begin` hands over once (never stored, never replayed): see ARCHITECTURE.md, decision 16. */
export interface TotpEnrolment {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  uri: string;
  qrSvg: string;
}

/** A session of the signed-in user, as GET /api/users/:id/sessions lists it. */
export interface OwnSession {
  id: string;
  device: string | null;
  lastSeenAt: string;
  current: boolean;
}

/** A command of the signed-in user for the data-fetching library: the receipt, or an ApiFailure thrown. */
export async function selfCommand<R, E = undefined>(name: string, input: unknown, locale: Locale, csrfToken: string): Promise<{ result: R; ephemeral: E }> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return { result: answer.data.result, ephemeral: (answer.data as { ephemeral?: E }).ephemeral as E };
}

/** Redeems a one-time reset link. Public: the person has no session, so no CSRF token either. */
export function redeemPasswordReset(locale: Locale, token: string, password: string): Promise<ApiResult<void>> {
  return apiRequest<void>('/api/auth/password-reset', { locale, method: 'POST', body: { token, password } });
}

/** The QR code as an image: an SVG in an <img> cannot run script, whatever it contains. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Groups of four, as authenticator apps show keys; the app ignores the spaces. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
