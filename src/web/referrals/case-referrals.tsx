import './messages.ts';
import './referrals.css';
import { useQuery } from '@tanstack/preact-query';
import type { ReferralSummary } from '../../domain/referrals/schemas.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { QueryView } from '../ui/query-view.tsx';
import { getReferral, listCaseReferrals, referralKeys } from './referrals-api.ts';
import { AnswerTiming, ReferralChips } from './referral-chips.tsx';

/** On the case page: where the person was referred and what came back (the feedback loop), and "Refer" for those who may. */
export function CaseReferrals({ caseId, me, open }: { caseId: string; me: CurrentUser; open: boolean }) {
  const { locale, t } = useI18n();
  const query = useQuery({ queryKey: referralKeys.forCase(caseId), queryFn: () => listCaseReferrals(caseId, locale) });
  return (
    <section class="card" aria-labelledby="case-referrals-title">
      <h2 id="case-referrals-title">{t('referrals.case.title')}</h2>
      <QueryView query={query}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('referrals.case.none')}</p>
          ) : (
            <ul class="referral-list">
              {items.map((r) => (
                <CaseReferralRow key={r.id} referral={r} />
              ))}
            </ul>
          )
        }
      </QueryView>
      {open && hasAbility(me, 'referral.create') && (
        <a class="button button-primary button-inline" href={`/cases/${caseId}/refer`}>
          {t('referrals.case.refer')}
        </a>
      )}
    </section>
  );
}

function CaseReferralRow({ referral: r }: { referral: ReferralSummary }) {
  const { locale, t } = useI18n();
  const vocabulary = useVocabulary();
  return (
    <li data-referral-id={r.id}>
      <p>
        <a href={`/referrals/${r.id}`}>{r.referenceCode}</a> · {vocabulary.term(r.serviceType)} · {r.toOrganisationName}
      </p>
      <ReferralChips state={r.state} urgency={r.urgency} onPaper={r.onPaper} />
      <AnswerTiming referral={r} />
      {(r.state === 'completed' || r.state === 'not_completed') && <Outcome id={r.id} />}
      <p class="hint">{t('referrals.sentOn', { date: formatDateTime(locale, r.sentAt) })}</p>
    </li>
  );
}

/** The receiver's closing words (what was done, or why not): read from the referral itself. */
function Outcome({ id }: { id: string }) {
  const { locale, t } = useI18n();
  const query = useQuery({ queryKey: referralKeys.detail(id), queryFn: () => getReferral(id, locale) });
  const closing = query.data?.events.filter((e) => e.toState === 'completed' || e.toState === 'not_completed').at(-1);
  if (!closing?.note) return null;
  return (
    <p>
      {t('referrals.case.outcome')} <q class="referral-outcome">{closing.note}</q>
    </p>
  );
}
