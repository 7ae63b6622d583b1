import type { ReferralSummary } from '../../domain/referrals/schemas.ts';
import { regionName } from '../cases/labels.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { ageBandLabel, sexKey } from './labels.ts';
import { AnswerTiming, ReferralChips } from './referral-chips.tsx';

/**
 * One referral in a list. The receiver's rows say who the person is only as age band, sex
 * and region: never a name, which the list would show to anyone passing by the screen.
 */
export function ReferralRow({ referral: r, direction }: { referral: ReferralSummary; direction: 'inbox' | 'sent' }) {
  const { locale, t } = useI18n();
  const vocabulary = useVocabulary();
  return (
    <li class="card referral-item" data-referral-id={r.id}>
      <h2 class="admin-item-title">
        <a href={`/referrals/${r.id}`}>{r.referenceCode}</a>
      </h2>
      <ReferralChips state={r.state} urgency={r.urgency} onPaper={r.onPaper} />
      <p>
        <strong>{vocabulary.term(r.serviceType)}</strong> · {r.serviceName}
      </p>
      <p>{direction === 'inbox' ? t('referrals.from', { organisation: r.fromOrganisationName }) : t('referrals.to', { organisation: r.toOrganisationName })}</p>
      <p>
        {ageBandLabel(r.ageBand, t)} · {t(sexKey(r.sex))} · {regionName(r.regionPcode)}
        {direction === 'sent' && r.caseCode && ` · ${r.caseCode}`}
      </p>
      <AnswerTiming referral={r} />
      <p class="hint">{t('referrals.sentOn', { date: formatDateTime(locale, r.sentAt) })}</p>
    </li>
  );
}
