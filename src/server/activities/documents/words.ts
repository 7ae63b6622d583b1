import type { AgeBand, Sex } from '../../../domain/cases/identity.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { type MessageValues, translate } from '../../../domain/i18n/translate.ts';

/**
 * Words and numbers of the activity documents (report, attendance sheet, workbook): the
 * `activityReport` area for their own phrases, the shared enum labels of `activities`, and the
 * case register's sex labels, so a figure reads the same on screen and on paper.
 */
export const tr = (locale: Locale, key: string, values?: MessageValues) => translate(locale, `activityReport.${key}`, values);

export const sexLabel = (locale: Locale, sex: Sex) => translate(locale, `registration.sex.${sex}`);
export const ageBandLabel = (locale: Locale, band: AgeBand) => (band === 'unknown' ? tr(locale, 'ageUnknown') : tr(locale, 'ageBand', { band }));
export const categoryLabel = (locale: Locale, category: string) => translate(locale, `activities.category.${category}`);
export const typeLabel = (locale: Locale, type: string) => translate(locale, `activities.type.${type}`);
export const audienceLabel = (locale: Locale, audience: string) => translate(locale, `activities.audience.${audience}`);
export const exerciseLabel = (locale: Locale, exercise: string) => translate(locale, `activities.exercise.${exercise}`);

/** Bambara has no CLDR data: Malian usage is the French one ("1 234,5"). */
const ICU: Record<Locale, string> = { fr: 'fr-ML', en: 'en-GB', bm: 'fr-ML' };

const integers = new Map<Locale, Intl.NumberFormat>();
const decimals = new Map<Locale, Intl.NumberFormat>();

export function formatInteger(locale: Locale, n: number): string {
  let f = integers.get(locale);
  if (!f) integers.set(locale, (f = new Intl.NumberFormat(ICU[locale], { maximumFractionDigits: 0 })));
  return f.format(n);
}

/** Means, percentages and gains: one decimal, always shown, so columns line up. */
export function formatDecimal(locale: Locale, n: number | null): string {
  if (n === null) return '—';
  let f = decimals.get(locale);
  if (!f) decimals.set(locale, (f = new Intl.NumberFormat(ICU[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return f.format(n);
}

/** A signed gain: "+12,5". */
export function formatGain(locale: Locale, n: number | null): string {
  if (n === null) return '—';
  return (n > 0 ? '+' : '') + formatDecimal(locale, n);
}

/** A calendar day of the activity (ISO date, no time zone) in words: "12 mars 2026". */
export function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(ICU[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "du 12 au 13 mars 2026", or the one day. */
export function formatDates(locale: Locale, startDate: string, endDate: string): string {
  return startDate === endDate ? formatDay(locale, startDate) : tr(locale, 'dateRange', { start: formatDay(locale, startDate), end: formatDay(locale, endDate) });
}

/** The calendar date of day `n` (1 = start date). */
export function dateOfDay(startDate: string, n: number): string {
  return new Date(Date.parse(`${startDate}T00:00:00Z`) + (n - 1) * 86_400_000).toISOString().slice(0, 10);
}
