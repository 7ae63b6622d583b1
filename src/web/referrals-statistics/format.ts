import type { Locale } from '../../domain/i18n/locales.ts';
import type { Translate } from '../i18n/i18n.ts';
import { formatNumber, formattingLocale } from '../i18n/format.ts';

/** 0.75 → "75 %" in Malian French, "75%" in English: Intl's own percent, no words to translate. */
export function formatRate(locale: Locale, rate: number): string {
  return new Intl.NumberFormat(formattingLocale(locale, 'number'), { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * A median time: hours while under two days (an emergency is answered within 24 h), days
 * after (a normal referral has 14), to one decimal.
 */
export function formatDuration(locale: Locale, t: Translate, hours: number): string {
  if (hours < 48) return t('referralStatistics.hours', { value: formatNumber(locale, oneDecimal(hours)) });
  return t('referralStatistics.days', { value: formatNumber(locale, oneDecimal(hours / 24)) });
}
