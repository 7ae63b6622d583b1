import './messages.ts';
import './referrals.css';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { LOCALES } from '../../domain/i18n/locales.ts';
import { regionName } from '../cases/labels.ts';
import { languageName, telHref, useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useSession } from '../identity/session-store.tsx';
import type { CurrentUser } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { ageBandLabel, eventKey, sexKey } from './labels.ts';
import { ReferralActions } from './referral-actions.tsx';
import { AnswerTiming, ReferralChips } from './referral-chips.tsx';
import { type ReferralDetail, formPdfPath, getReferral, referralKeys } from './referrals-api.ts';

/** One referral: what is asked, for whom (the minimal data set only), what happened, and what this side may do now. */
export function ReferralPage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = params.id ?? '';
  const query = useQuery({ queryKey: referralKeys.detail(id), queryFn: () => getReferral(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="referral-title" title={t('referrals.detail.title')}>
      <p class="page-link">
        <a href={query.data?.side === 'referrer' ? '/referrals/sent' : '/referrals'}>{t('referrals.detail.back')}</a>
      </p>
      <QueryView query={query}>{(data) => <ReferralFile detail={data} me={state.user} />}</QueryView>
    </Page>
  );
}

function ReferralFile({ detail, me }: { detail: ReferralDetail; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const vocabulary = useVocabulary();
  const r = detail.referral;
  const d = detail.data;
  return (
    <>
      <section class="card" aria-labelledby="referral-code-label">
        <p id="referral-code-label" class="referral-label">
          {t('referrals.detail.reference')}
        </p>
        <p class="referral-code" data-testid="referral-code">
          {r.referenceCode}
        </p>
        <ReferralChips state={r.state} urgency={r.urgency} onPaper={r.onPaper} />
        {detail.basis === 'override' && <p class="chip tone-warning">{t('referrals.detail.override')}</p>}
        <AnswerTiming referral={r} />
        <dl class="facts">
          <dt>{t('referrals.detail.service')}</dt>
          <dd>
            {vocabulary.term(r.serviceType)} · {r.serviceName}
            {r.locationName && ` · ${r.locationName}`}
          </dd>
          <dt>{t('referrals.detail.fromTo')}</dt>
          <dd>{t('referrals.detail.fromToValue', { from: r.fromOrganisationName, to: r.toOrganisationName })}</dd>
          <dt>{t('referrals.detail.sentAt')}</dt>
          <dd>{formatDateTime(locale, r.sentAt)}</dd>
          <dt>{t('referrals.detail.answerBy')}</dt>
          <dd>{formatDateTime(locale, r.answerDueAt)}</dd>
        </dl>
      </section>
      <section class="card" aria-labelledby="referral-person-title">
        <h2 id="referral-person-title">{t('referrals.detail.person')}</h2>
        {detail.side === 'receiver' && <p class="hint">{t('referrals.detail.minimalHint')}</p>}
        <dl class="facts">
          <dt>{t('referrals.detail.caseCode')}</dt>
          <dd data-testid="referral-case-code">{detail.side === 'referrer' && r.caseId ? <a href={`/cases/${r.caseId}`}>{d.caseCode}</a> : d.caseCode}</dd>
          {d.name && (
            <>
              <dt>{t('referrals.detail.name')}</dt>
              <dd>{d.name}</dd>
            </>
          )}
          {d.phone && (
            <>
              <dt>{t('referrals.detail.phone')}</dt>
              <dd>
                <a href={telHref(d.phone)}>{d.phone}</a>
              </dd>
            </>
          )}
          <dt>{t('referrals.detail.age')}</dt>
          <dd>
            {ageBandLabel(d.ageBand, t)}
            {d.isChild && ` · ${t('referrals.detail.child')}`}
          </dd>
          <dt>{t('referrals.detail.sex')}</dt>
          <dd>{t(sexKey(d.sex))}</dd>
          {d.language && (
            <>
              <dt>{t('referrals.detail.language')}</dt>
              <dd>{languageName(d.language)}</dd>
            </>
          )}
          <dt>{t('referrals.detail.region')}</dt>
          <dd>{regionName(d.region)}</dd>
          {d.caregiverContact && (
            <>
              <dt>{t('referrals.detail.caregiver')}</dt>
              <dd>
                {[d.caregiverContact.name, d.caregiverContact.phone].filter(Boolean).join(' · ') || t('referrals.detail.caregiverUnknown')}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section class="card" aria-labelledby="referral-reason-title">
        <h2 id="referral-reason-title">{t('referrals.detail.reason')}</h2>
        <blockquote class="referral-quote">{detail.reason}</blockquote>
      </section>
      <ReferralActions detail={detail} me={me} />
      {detail.side === 'referrer' && r.onPaper && (
        <section class="card" aria-labelledby="referral-paper-title">
          <h2 id="referral-paper-title">{t('referrals.paper.title')}</h2>
          <p class="hint">{t('referrals.paper.hint')}</p>
          <PaperLinks id={r.id} />
        </section>
      )}
      <section class="card" aria-labelledby="referral-history-title">
        <h2 id="referral-history-title">{t('referrals.detail.history')}</h2>
        <ol class="referral-list referral-history">
          {detail.events.map((e, i) => (
            <li key={i}>
              <p>
                <strong>{t(eventKey(e.event))}</strong> · {formatDateTime(locale, e.at)}
              </p>
              <p class="hint">{e.side === 'system' ? t('referrals.detail.bySira') : [e.actorName, e.organisationName].filter(Boolean).join(' · ')}</p>
              {e.note && <blockquote class="referral-quote">{e.note}</blockquote>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The printable form in each language, for a partner who works on paper. */
export function PaperLinks({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <p class="referral-downloads">
      {LOCALES.map((lang) => (
        <a key={lang} class="button button-secondary button-inline" href={formPdfPath(id, lang)} download>
          {t('referrals.paper.download', { language: languageName(lang) })}
        </a>
      ))}
    </p>
  );
}
