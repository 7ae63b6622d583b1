import './messages.ts';
import './cases.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import type { PersonIdentity } from '../../domain/cases/identity.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { CaseChips } from './case-chips.tsx';
import { type LinkComparison, caseCommand, caseKeys, getLink } from './cases-api.ts';
import { documentKey, linkStatusKey, sexKey } from './labels.ts';

type Decision = 'requesting' | 'other' | 'dismiss';

/**
 * For the coordinator: two records side by side (stacked on a phone), and the decision —
 * the same person, keeping one record and both histories, or two different people.
 */
export function LinkPage() {
  const { params } = useRoute();
  const { locale, t } = useI18n();
  const { state } = useSession();
  const id = params.id ?? '';
  const query = useQuery({ queryKey: caseKeys.link(id), queryFn: () => getLink(id, locale) });
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="link-title" title={t('registration.links.compareTitle')}>
      <p class="page-link">
        <a href="/cases/links">{t('registration.links.back')}</a>
      </p>
      <QueryView query={query}>{(data) => <Comparison link={data} csrfToken={state.user.csrfToken} />}</QueryView>
    </Page>
  );
}

function Comparison({ link, csrfToken }: { link: LinkComparison; csrfToken: string }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState<Decision | undefined>(undefined);
  const decide = useMutation({
    mutationFn: (decision: Decision) =>
      decision === 'dismiss' ? caseCommand('case.dismiss_link', { linkRequestId: link.id }, locale, csrfToken) : caseCommand('case.merge', { linkRequestId: link.id, keep: decision }, locale, csrfToken),
    onSuccess: async () => {
      setConfirming(undefined);
      await queries.invalidateQueries({ queryKey: caseKeys.links });
    },
  });
  const failure = decide.error instanceof ApiFailure ? decide.error.problem : undefined;
  const a = link.requestingCase;
  const b = link.otherCase;
  const question = (d: Decision) =>
    d === 'dismiss' ? t('registration.links.dismissConfirm') : t('registration.links.mergeConfirm', { keep: d === 'requesting' ? a.caseCode : b.caseCode, merged: d === 'requesting' ? b.caseCode : a.caseCode });
  return (
    <>
      <p class="card" role="status">
        {t(linkStatusKey(link.status))}
      </p>
      <div class="case-compare">
        <CaseSide title={t('registration.links.sideA')} organisation={link.requesting.organisationName} side={a} />
        <CaseSide title={t('registration.links.sideB')} organisation={link.other.organisationName} side={b} />
      </div>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {link.status === 'pending' &&
        (confirming ? (
          <ConfirmInPlace question={question(confirming)} yes={t('registration.links.confirm')} no={t('registration.discardNo')} pending={decide.isPending} onConfirm={() => decide.mutate(confirming)} onCancel={() => setConfirming(undefined)} />
        ) : (
          <div class="case-decisions">
            <button type="button" class="button button-primary" onClick={() => setConfirming('requesting')}>
              {t('registration.links.keep', { code: a.caseCode })}
            </button>
            <button type="button" class="button button-primary button-after" onClick={() => setConfirming('other')}>
              {t('registration.links.keep', { code: b.caseCode })}
            </button>
            <button type="button" class="button button-secondary button-after" onClick={() => setConfirming('dismiss')}>
              {t('registration.links.different')}
            </button>
          </div>
        ))}
    </>
  );
}

function CaseSide({ title, organisation, side }: { title: string; organisation: string; side: LinkComparison['requestingCase'] }) {
  const { t } = useI18n();
  const rows = identityRows(side.identity, t);
  return (
    <section class="card" aria-label={title}>
      <h2>{side.caseCode}</h2>
      <p>{organisation}</p>
      <CaseChips category={side.category} riskLevel={side.riskLevel} isChild={side.isChild} regionPcode={side.regionPcode} />
      {side.identity === null ? (
        <p>{t('registration.case.identityErased')}</p>
      ) : (
        <dl class="facts">
          <dt>{t('registration.identity.sex')}</dt>
          <dd>{t(sexKey(side.sex))}</dd>
          {rows.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
        </dl>
      )}
    </section>
  );
}

function identityRows(identity: PersonIdentity | null, t: ReturnType<typeof useI18n>['t']): [string, string][] {
  if (!identity) return [];
  const rows: [string, string | undefined][] = [
    [t('registration.review.name'), [identity.givenName, identity.familyName].filter(Boolean).join(' ')],
    [t('registration.identity.aliases'), identity.aliases.join(', ') || undefined],
    [t('registration.identity.dateOfBirth'), identity.dateOfBirth],
    [t('registration.identity.estimatedAge'), identity.estimatedAge === undefined ? undefined : String(identity.estimatedAge)],
    [t('registration.identity.phone'), identity.phone],
    [t('registration.identity.motherName'), identity.motherName],
    [t('registration.case.fatherName'), identity.fatherName],
    [t('registration.identity.placeOfOrigin'), identity.placeOfOrigin],
    [t('registration.identity.documents'), identity.documents.map((d) => `${t(documentKey(d.type))} ${d.number}`).join(', ') || undefined],
  ];
  return rows.filter((r): r is [string, string] => Boolean(r[1]));
}
