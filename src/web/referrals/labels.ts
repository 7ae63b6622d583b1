import type { Locale } from '../../domain/i18n/locales.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import type { ReferralState, Urgency } from '../../domain/referrals/lifecycle.ts';
import type { InboxView, PersonEvent } from '../../domain/referrals/schemas.ts';
import { formattingLocale } from '../i18n/format.ts';
import type { Tone } from '../ui/pictograms.ts';

/** Names of what the referrals API sends as codes. */
export const stateKey = (state: ReferralState) => `referrals.state.${state}` as MessageKey;
export const urgencyKey = (urgency: Urgency) => `referrals.urgency.${urgency}` as MessageKey;
export const viewKey = (view: InboxView) => `referrals.view.${view}` as MessageKey;
export const eventKey = (event: PersonEvent | 'create' | 'deadline_passed') => `referrals.event.${event}` as MessageKey;
export const sexKey = (sex: string) => (['female', 'male', 'other'].includes(sex) ? (`referrals.sex.${sex}` as MessageKey) : 'referrals.sex.unknown');

export function stateTone(state: ReferralState): Tone {
  switch (state) {
    case 'completed':
    case 'accepted':
      return 'success';
    case 'in_progress':
      return 'progress';
    case 'overdue':
      return 'warning';
    case 'declined':
    case 'not_completed':
      return 'danger';
    default:
      return 'neutral';
  }
}

export const urgencyTone = (urgency: Urgency): Tone => (urgency === 'emergency' ? 'danger' : urgency === 'urgent' ? 'warning' : 'neutral');

/** Age bands as sent ("18-24", "60+", "unknown"): the words around them come from the catalogue. */
export const ageBandLabel = (band: string, t: (key: MessageKey, values?: Record<string, string>) => string) => (band === 'unknown' ? t('referrals.age.unknown') : t('referrals.age.band', { band }));

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The largest sensible unit for a span: minutes under an hour, hours under two days, then days. */
function span(ms: number): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const abs = Math.abs(ms);
  if (abs < HOUR) return { value: Math.max(1, Math.round(abs / 60_000)), unit: 'minute' };
  if (abs < 2 * DAY) return { value: Math.round(abs / HOUR), unit: 'hour' };
  return { value: Math.round(abs / DAY), unit: 'day' };
}

/** "dans 5 h" for a time ahead, through Intl (no data shipped). */
export function relativeFuture(locale: Locale, due: Date, now: Date): string {
  const { value, unit } = span(due.getTime() - now.getTime());
  return new Intl.RelativeTimeFormat(formattingLocale(locale, 'date'), { numeric: 'always', style: 'short' }).format(value, unit);
}

/** "2 j", "5 h": how long a deadline has been missed. */
export function lateness(locale: Locale, due: Date, now: Date): string {
  const { value, unit } = span(now.getTime() - due.getTime());
  return new Intl.NumberFormat(formattingLocale(locale, 'number'), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
