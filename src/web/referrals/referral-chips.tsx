import type { ReferralState, Urgency } from '../../domain/referrals/lifecycle.ts';
import type { ReferralSummary } from '../../domain/referrals/schemas.ts';
import { useI18n } from '../i18n/i18n.ts';
import { lateness, relativeFuture, stateKey, stateTone, urgencyKey, urgencyTone } from './labels.ts';

/** State and urgency as chips: word and colour together, the word carrying the meaning. */
export function ReferralChips({ state, urgency, onPaper = false }: { state: ReferralState; urgency: Urgency; onPaper?: boolean }) {
  const { t } = useI18n();
  return (
    <p class="referral-chips">
      <span class={`chip tone-${stateTone(state)}`} data-testid="referral-state">
        {t(stateKey(state))}
      </span>
      <span class={`chip tone-${urgencyTone(urgency)}`}>{t(urgencyKey(urgency))}</span>
      {onPaper && <span class="chip">{t('referrals.onPaper')}</span>}
    </p>
  );
}

/** When the answer is due, said relatively ("dans 5 h", "en retard de 2 j"); nothing once answered. */
export function AnswerTiming({ referral }: { referral: Pick<ReferralSummary, 'state' | 'answerDueAt' | 'dueSoon'> }) {
  const { locale, t } = useI18n();
  if (referral.state !== 'sent' && referral.state !== 'overdue') return null;
  const due = new Date(referral.answerDueAt);
  const now = new Date();
  if (referral.state === 'overdue' || due <= now) {
    return <p class="referral-timing is-late">{due <= now ? t('referrals.timingLate', { late: lateness(locale, due, now) }) : t('referrals.timingLateNow')}</p>;
  }
  return <p class={referral.dueSoon ? 'referral-timing is-soon' : 'referral-timing'}>{t('referrals.timingDue', { when: relativeFuture(locale, due, now) })}</p>;
}
