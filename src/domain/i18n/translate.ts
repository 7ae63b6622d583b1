import { IntlMessageFormat } from 'intl-messageformat';
import { bm, en, fr } from './catalogues/index.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';

export type MessageKey = keyof typeof fr;
export type MessageValues = Record<string, string | number | Date>;

export const catalogues: Record<Locale, Record<string, string>> = { fr, en, bm };

/**
 * ICU locale used for number, date and plural rules. Browsers have no CLDR data for Bambara
 * and would fall back to English ("1,234"); Malian usage is the French one ("1 234").
 */
const icuLocale: Record<Locale, string> = { fr: 'fr-ML', en: 'en', bm: 'fr-ML' };

const cache = new Map<string, IntlMessageFormat>();

/** Translates a key with ICU MessageFormat; falls back to French, then to the key itself. */
export function translate(locale: Locale, key: MessageKey | string, values?: MessageValues): string {
  const source = catalogues[locale][key] ?? catalogues[DEFAULT_LOCALE][key];
  if (source === undefined) return key;
  const cacheKey = `${locale}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, icuLocale[locale], undefined, { ignoreTag: true });
    cache.set(cacheKey, format);
  }
  return String(format.format(values));
}
