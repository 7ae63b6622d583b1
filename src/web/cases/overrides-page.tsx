import './messages.ts';
import './cases.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useVocabulary } from '../directory/labels.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { type ConsentOverride, caseCommand, caseKeys, listOrganisations, listOverrides } from './cases-api.ts';

/** For the coordinator: every disclosure made without the person's consent, with its reason, to review. */
export function OverridesPage() {
  const { locale, t } = useI18n();
  const query = useQuery({ queryKey: caseKeys.overrides, queryFn: () => listOverrides(locale) });
  const organisations = useQuery({ queryKey: caseKeys.organisations, queryFn: () => listOrganisations(locale), staleTime: 10 * 60_000 });
  const orgName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? '';
  return (
    <Page id="overrides-title" title={t('registration.overrides.title')}>
      <p class="hint">{t('registration.overrides.intro')}</p>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="card">{t('registration.overrides.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="overrides-title">
              {data.items.map((o) => (
                <OverrideRow key={o.id} item={o} orgName={orgName} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </Page>
  );
}

function OverrideRow({ item, orgName }: { item: ConsentOverride; orgName(id: string): string }) {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const queries = useQueryClient();
  const vocabulary = useVocabulary();
  const review = useMutation({
    mutationFn: () => caseCommand('consent.review_override', { overrideId: item.id }, locale, state.status === 'signedIn' ? state.user.csrfToken : ''),
    onSuccess: () => queries.invalidateQueries({ queryKey: caseKeys.overrides }),
  });
  const failure = review.error instanceof ApiFailure ? review.error.problem : undefined;
  return (
    <li class="card">
      <h2 class="admin-item-title">{item.caseCode}</h2>
      <p>
        {t('registration.overrides.line', { from: orgName(item.organisationId), to: orgName(item.toOrganisationId), date: formatDateTime(locale, item.overriddenAt) })}
        {item.serviceType && ` · ${vocabulary.term(item.serviceType)}`}
      </p>
      <blockquote class="case-reason">{item.reason ?? t('registration.overrides.reasonErased')}</blockquote>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {item.reviewedAt ? (
        <p class="chip tone-success">{t('registration.overrides.reviewed', { date: formatDateTime(locale, item.reviewedAt) })}</p>
      ) : (
        <button type="button" class="button button-secondary button-inline" disabled={review.isPending} aria-busy={review.isPending} aria-label={t('registration.overrides.markName', { code: item.caseCode })} onClick={() => review.mutate()}>
          {t('registration.overrides.mark')}
        </button>
      )}
    </li>
  );
}
