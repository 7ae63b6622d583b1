import './messages.ts';
import './cases.css';
import { useQuery } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { useSession } from '../identity/session-store.tsx';
import type { CurrentUser } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { CaseChips } from './case-chips.tsx';
import { CaseConsents } from './case-consents.tsx';
import { CaseIdentity } from './case-identity.tsx';
import { CasePhoto } from './case-photo.tsx';
import { CaseScreenings } from './case-screenings.tsx';
import { type CaseDetail, caseKeys, exportPath, getCase, listOrganisations } from './cases-api.ts';
import { useVocabulary } from '../directory/labels.ts';
import { CaseReferrals } from '../referrals/case-referrals.tsx';

/** A case file: its code first (what the person and partners quote), then everything held. */
export function CasePage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = params.id ?? '';
  const query = useQuery({ queryKey: caseKeys.detail(id), queryFn: () => getCase(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="case-title" title={t('registration.case.title')}>
      <p class="page-link">
        <a href="/cases">{t('registration.case.backToList')}</a>
      </p>
      <QueryView query={query}>{(data) => <CaseFile file={data} me={state.user} />}</QueryView>
    </Page>
  );
}

function CaseFile({ file, me }: { file: CaseDetail; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const [copied, setCopied] = useState(false);
  const organisations = useQuery({ queryKey: caseKeys.organisations, queryFn: () => listOrganisations(locale), staleTime: 10 * 60_000 });
  const orgName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? '';
  const vocabulary = useVocabulary();
  const open = file.mergedInto === null && file.anonymisedAt === null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(file.caseCode);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain HTTP): the code stays on screen to read out
    }
  };

  return (
    <>
      <section class="card case-code-card" aria-labelledby="case-code-label">
        <p id="case-code-label" class="case-code-label">
          {t('registration.case.code')}
        </p>
        <p class="case-code" data-testid="case-code">
          {file.caseCode}
        </p>
        <button type="button" class="button button-secondary" onClick={copy}>
          {t('registration.case.copy')}
        </button>
        <p role="status">{copied ? t('registration.case.copied') : ''}</p>
        <CaseChips category={file.category} riskLevel={file.riskLevel} isChild={file.isChild} regionPcode={file.regionPcode} />
        <p class="hint">{t('registration.case.registeredOn', { date: formatDate(locale, file.registeredAt) })}</p>
      </section>
      {file.mergedInto && (
        <p class="card case-notice">
          {t('registration.case.mergedInto')} <a href={`/cases/${file.mergedInto}`}>{t('registration.case.openMerged')}</a>
        </p>
      )}
      {file.anonymisedAt && <p class="card case-notice">{t('registration.case.anonymised', { date: formatDate(locale, file.anonymisedAt) })}</p>}
      <CaseIdentity file={file} />
      <CasePhoto file={file} me={me} editable={open} />
      <CaseConsents file={file} me={me} editable={open} orgName={orgName} term={vocabulary.term} />
      <CaseScreenings screenings={file.screenings} />
      {me.abilities?.includes('referral.list') && <CaseReferrals caseId={file.id} me={me} open={open} />}
      <section class="card" aria-labelledby="case-disclosures-title">
        <h2 id="case-disclosures-title">{t('registration.case.disclosures')}</h2>
        {file.disclosures.length === 0 ? (
          <p>{t('registration.case.noDisclosures')}</p>
        ) : (
          <ul class="case-list">
            {file.disclosures.map((d) => (
              <li key={d.id}>
                {t('registration.case.disclosureLine', { organisation: orgName(d.toOrganisationId), date: formatDateTime(locale, d.disclosedAt), count: d.fields.length })}
                {d.serviceType && ` · ${vocabulary.term(d.serviceType)}`}
                {d.basis !== 'consent' && <span class="chip tone-warning">{t('registration.case.withoutConsent')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {file.mergedCases.length > 0 && (
        <section class="card" aria-labelledby="case-merged-title">
          <h2 id="case-merged-title">{t('registration.case.mergedCases')}</h2>
          <ul class="case-list">
            {file.mergedCases.map((m) => (
              <li key={m.id}>
                {m.caseCode} · {orgName(m.organisationId)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="case-export-title">
        <h2 id="case-export-title">{t('registration.case.export')}</h2>
        <p class="hint">{t('registration.case.exportHint')}</p>
        <p class="case-export">
          <a class="button button-secondary button-inline" href={exportPath(file.id, 'pdf')} download>
            {t('registration.case.exportPdf')}
          </a>{' '}
          <a class="button button-secondary button-inline" href={exportPath(file.id, 'json')} download>
            {t('registration.case.exportJson')}
          </a>
        </p>
      </section>
    </>
  );
}
