import { WEEKDAYS, type Weekday } from '../../../domain/directory/schedule.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { type MessageValues, translate } from '../../../domain/i18n/translate.ts';
import type { PublicService } from './data.ts';

/** Words of the public directory and the leaflet, in one place so both say the same. */
export const tr = (locale: Locale, key: string, values?: MessageValues) => translate(locale, `publicDirectory.${key}`, values);

/** Consecutive days as a range ("lun.–jeu."), others listed ("sam., dim."). */
function dayRanges(locale: Locale, days: readonly Weekday[]): string {
  const idx = [...new Set(days.map((d) => WEEKDAYS.indexOf(d)))].filter((i) => i >= 0).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const i of idx) {
    const last = runs.at(-1);
    if (last && last.at(-1) === i - 1) last.push(i);
    else runs.push([i]);
  }
  const name = (i: number) => tr(locale, `day.${WEEKDAYS[i]}`);
  return runs.map((r) => (r.length >= 3 ? `${name(r[0]!)}–${name(r.at(-1)!)}` : r.map(name).join(', '))).join(', ');
}

/** One line per opening, or none when the service gave no hours. */
export function hoursLines(locale: Locale, openings: PublicService['openings']): string[] {
  if (openings.some((o) => o.days.length === 7 && o.opensAt === '00:00' && o.closesAt >= '23:59')) return [tr(locale, 'hours.always')];
  return openings.map((o) => tr(locale, 'hours.range', { days: dayRanges(locale, o.days), opens: o.opensAt, closes: o.closesAt }));
}

export function costLines(locale: Locale, costs: PublicService['costs']): string[] {
  return costs.map((c) => {
    if (c.kind === 'free') return tr(locale, 'cost.free');
    const kind = c.kind === 'paid' ? 'paid' : 'cost_shared';
    return c.amount === null ? tr(locale, `cost.${kind}NoAmount`) : tr(locale, `cost.${kind}`, { amount: c.amount, currency: c.currency });
  });
}

export function placeLines(s: PublicService): string[] {
  return s.places.map((p) => [p.name, p.street, p.city].filter(Boolean).join(', ')).filter((l) => l.length > 0);
}

/** A `tel:` target: digits and a leading +, so any phone dials it. */
export function telHref(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '')}`;
}
