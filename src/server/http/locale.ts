import type { FastifyRequest } from 'fastify';
import { type Locale, isLocale, negotiateLocale } from '../../domain/i18n/locales.ts';

/** `?lang=` first (a shared phone can switch at once), then the signed-in user's choice, then the browser's. */
export function resolveLocale(request: FastifyRequest, fallback: Locale): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && isLocale(query.lang)) return query.lang;
  if (request.currentUser && isLocale(request.currentUser.locale)) return request.currentUser.locale;
  return negotiateLocale(request.headers['accept-language'], fallback);
}
