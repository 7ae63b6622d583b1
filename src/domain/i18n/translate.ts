import { IntlMessageFormat } from 'intl-messageformat';
import { bm, en, fr } from './catalogues/index.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';

export type MessageKey = keyof typeof fr;
export type MessageValues = Record<string, string | number | Date>;

/**
 * On the server every area is here from the start. The web build starts from the core areas
 * (see `catalogues/core.ts`) and each feature adds its own when its code loads.
 */
export const catalogues: Record<Locale, Record<string, string>> = { fr, en, bm };

export function addMessages(messages: Record<Locale, Record<string, unknown>>): void {
  for (const locale of Object.keys(catalogues) as Locale[]) Object.assign(catalogues[locale], messages[locale]);
}

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
