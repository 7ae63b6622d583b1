import type { Locale } from '../../domain/i18n/locales.ts';

/**
 * Dates, numbers and amounts in the reader's conventions, through Intl (no data shipped).
 *
 * French is written as in Mali (fr-ML: "12 500 F CFA", "mardi 24 novembre 2026"), English as
 * in the partners' reports (en-GB: day before month). Bambara has CLDR month and day names,
 * but many phones' browsers do not ship them (Chromium on Android falls back to American
 * English): Bambara dates then use Mali's French formats, never "November 24". Numbers and
 * amounts in Bambara always follow Malian usage (fr-ML), which CLDR's Bambara does not.
 */
type Purpose = 'date' | 'number';

const CANDIDATES: Record<Locale, Record<Purpose, readonly string[]>> = {
  fr: { date: ['fr-ML', 'fr'], number: ['fr-ML', 'fr'] },
  en: { date: ['en-GB', 'en'], number: ['en-GB', 'en'] },
  bm: { date: ['bm-ML', 'fr-ML', 'fr'], number: ['fr-ML', 'fr'] },
};

export type SupportedLocales = (tags: readonly string[]) => readonly string[];

const runtimeSupport: SupportedLocales = (tags) => Intl.DateTimeFormat.supportedLocalesOf([...tags]);

/** The BCP 47 tag Intl is given: the first candidate this runtime has data for. */
export function formattingLocale(locale: Locale, purpose: Purpose, supported: SupportedLocales = runtimeSupport): string {
  const candidates = CANDIDATES[locale][purpose];
  for (const tag of candidates) if (supported([tag]).length > 0) return tag;
  return candidates[candidates.length - 1] ?? 'fr';
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

export function formatDate(locale: Locale, date: Date | string, style: DateStyle = 'medium'): string {
  const tag = formattingLocale(locale, 'date');
  return cached(`d|${tag}|${style}`, () => new Intl.DateTimeFormat(tag, { dateStyle: style })).format(new Date(date));
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  const tag = formattingLocale(locale, 'date');
  return cached(`dt|${tag}`, () => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(date));
}

export function formatNumber(locale: Locale, value: number): string {
  const tag = formattingLocale(locale, 'number');
  return cached(`n|${tag}`, () => new Intl.NumberFormat(tag)).format(value);
}

/** West African CFA franc, used in Mali and Burkina Faso; it has no minor unit. */
export function formatXof(locale: Locale, amount: number): string {
  const tag = formattingLocale(locale, 'number');
  return cached(`xof|${tag}`, () => new Intl.NumberFormat(tag, { style: 'currency', currency: 'XOF' })).format(amount);
}
