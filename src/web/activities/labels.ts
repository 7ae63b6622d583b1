import type { ActivityState } from '../../domain/activities/lifecycle.ts';
import { admin1Name } from '../../domain/directory/geo.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { formattingLocale } from '../i18n/format.ts';

/** Keys of the shared activity labels (catalogue `activities`), used by every activity screen and the server's documents. */
export const typeKey = (type: string) => `activities.type.${type}` as MessageKey;
export const audienceKey = (audience: string) => `activities.audience.${audience}` as MessageKey;
export const exerciseKey = (exercise: string) => `activities.exercise.${exercise}` as MessageKey;
export const categoryKey = (category: string) => `activities.category.${category}` as MessageKey;
export const stateKey = (state: string) => `activities.state.${state}` as MessageKey;
export const eventKey = (event: string) => `activities.event.${event}` as MessageKey;
export const kindKey = (kind: string) => `activities.kind.${kind}` as MessageKey;

const TONES: Record<ActivityState, string> = { planned: 'neutral', confirmed: 'progress', held: 'warning', reported: 'success', cancelled: 'danger' };
export const stateTone = (state: ActivityState) => TONES[state];

/** Where it is held, as people say it: the region's name, with the cercle's or province's code when one was given. */
export function placeName(pcode: string): string {
  const region = admin1Name(pcode);
  if (!region) return pcode;
  return pcode.length > 4 ? `${region} (${pcode})` : region;
}

/**
 * A calendar day ("2026-12-01") in the person's language. Read as UTC: the day printed on
 * the attendance sheet must not move back one day in a browser west of Greenwich.
 */
export function formatDay(locale: Locale, isoDate: string, style: 'medium' | 'long' | 'full' = 'medium'): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(time)) return isoDate;
  return new Intl.DateTimeFormat(formattingLocale(locale, 'date'), { dateStyle: style, timeZone: 'UTC' }).format(time);
}

/** The calendar day of day `n` of an activity (day 1 is the start date). */
export function dayDate(startDate: string, n: number): string {
  const time = Date.parse(`${startDate}T00:00:00Z`);
  if (Number.isNaN(time)) return '';
  return new Date(time + (n - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** "1 – 2 déc. 2026", or one day. */
export function formatSpan(locale: Locale, startDate: string, endDate: string): string {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return `${startDate} – ${endDate}`;
  const format = new Intl.DateTimeFormat(formattingLocale(locale, 'date'), { dateStyle: 'medium', timeZone: 'UTC' });
  return start === end ? format.format(start) : format.formatRange(start, end);
}
