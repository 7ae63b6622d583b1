import './messages.ts';
import './referrals.css';
import { useQuery } from '@tanstack/preact-query';
import { regionName } from '../cases/labels.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { lateness } from './labels.ts';
import { ReferralChips } from './referral-chips.tsx';
import { type EscalationItem, listEscalations, referralKeys } from './referrals-api.ts';

/**
 * For the coordinator: referrals left unanswered past their deadline, across organisations.
 * Organisations, service and times only: the coordinator follows up with the receiver, not the person.
 */
export function EscalationsPage() {
  const { locale, t } = useI18n();
  // Overdue referrals appear as the deadline job runs: check again each minute while the page is open.
  const query = useQuery({ queryKey: referralKeys.escalations, queryFn: () => listEscalations(locale), refetchInterval: 60_000 });
  return (
    <Page id="escalations-title" title={t('referrals.escalations.title')}>
      <p class="hint">{t('referrals.escalations.intro')}</p>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="card">{t('referrals.escalations.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="escalations-title">
              {data.items.map((item) => (
                <EscalationRow key={item.id} item={item} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Page>
  );
}

function EscalationRow({ item }: { item: EscalationItem }) {
  const { locale, t } = useI18n();
  const vocabulary = useVocabulary();
  const due = new Date(item.answerDueAt);
  // Escalated means late at least since then, even when this device's clock runs behind the server's.
  const now = new Date(Math.max(Date.now(), Date.parse(item.escalatedAt)));
  return (
    <li class="card referral-item" data-referral-id={item.id}>
      <h2 class="admin-item-title">{item.referenceCode}</h2>
      <ReferralChips state={item.state} urgency={item.urgency} />
      <p>{t('referrals.detail.fromToValue', { from: item.fromOrganisationName, to: item.toOrganisationName })}</p>
      <p>
        <strong>{vocabulary.term(item.serviceType)}</strong> · {item.serviceName} · {regionName(item.regionPcode)}
      </p>
      <p class="referral-timing is-late">{due < now ? t('referrals.timingLate', { late: lateness(locale, due, now) }) : t('referrals.timingLateNow')}</p>
      <p class="hint">{t('referrals.escalations.when', { sent: formatDateTime(locale, item.sentAt), escalated: formatDateTime(locale, item.escalatedAt) })}</p>
    </li>
  );
}
