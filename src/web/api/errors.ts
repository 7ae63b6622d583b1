import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import type { ApiErrorDetail, ApiProblem } from './client.ts';

/**
 * The words to show for a failed call, in the language on screen now. The server already
 * translated its message into the language of the request; if the person has switched
 * language since, the message is translated again from its stable code, when the catalogue
 * can do so without values the client does not have.
 */
export function problemMessage(problem: ApiProblem, locale: Locale): string {
  if (problem.kind === 'network') {
    return translate(locale, typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline.needsNetwork' : 'app.networkError');
  }
  if (problem.locale === locale) return problem.error.message;
  return retranslate(locale, `errors.${problem.error.code}`, { requestId: problem.error.requestId }) ?? problem.error.message;
}

export function detailMessage(detail: ApiErrorDetail, requestLocale: Locale, locale: Locale): string {
  if (requestLocale === locale) return detail.message;
  return retranslate(locale, `validation.${detail.code}`, {}) ?? detail.message;
}

function retranslate(locale: Locale, key: string, values: Record<string, string>): string | undefined {
  try {
    const text = translate(locale, key, values);
    return text === key ? undefined : text;
  } catch {
    return undefined; // the message needs a value only the server knew (a limit, a count)
  }
}
