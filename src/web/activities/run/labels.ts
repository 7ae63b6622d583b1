import { PARTICIPANT_CATEGORIES } from '../../../domain/activities/attendance.ts';
import { AGE_BANDS, SEXES } from '../../../domain/cases/identity.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import type { MessageKey } from '../../../domain/i18n/translate.ts';
import { formattingLocale } from '../../i18n/format.ts';

/** Names of the codes the activity API sends: sexes are the register's words, the rest the plan screens'. */
export { categoryKey, kindKey, stateKey } from '../labels.ts';
export const sexKey = (code: string) => `registration.sex.${code}` as MessageKey;
export const ageBandKey = (code: string) => `activityRun.ageBand.${code}` as MessageKey;
export const sourceKey = (code: string) => `activityRun.source.${code}` as MessageKey;

/** Shown where a figure is over nothing (a mean of no test): a dash, in every language. */
export const NONE = '—';

/** 0–100 as "62,5 %" in the reader's conventions, to one decimal at most. */
export function formatPercent(locale: Locale, value: number): string {
  return new Intl.NumberFormat(formattingLocale(locale, 'number'), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export { AGE_BANDS, PARTICIPANT_CATEGORIES, SEXES };
