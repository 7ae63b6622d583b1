import './messages.ts';
import './cases.css';
import { useQuery } from '@tanstack/preact-query';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { Page } from '../shell/page.tsx';
import { caseKeys, listLinks } from './cases-api.ts';
import { linkStatusKey } from './labels.ts';

/** For the coordinator: identifiers' requests to check whether two records are the same person. */
export function LinksPage() {
  const { locale, t } = useI18n();
  const query = useQuery({ queryKey: caseKeys.links, queryFn: () => listLinks(locale) });
  return (
    <Page id="links-title" title={t('registration.links.title')}>
      {query.isPending ? (
        <p class="card" role="status">
          {t('app.loading')}
        </p>
      ) : query.isError ? (
        <div class="form-error" role="alert">
          {problemMessage(query.error instanceof ApiFailure ? query.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : query.data.items.length === 0 ? (
        <p class="card">{t('registration.links.none')}</p>
      ) : (
        <ul class="admin-list" aria-labelledby="links-title">
          {query.data.items.map((l) => (
            <li key={l.id} class="card">
              <h2 class="admin-item-title">
                <a href={`/cases/links/${l.id}`}>{t('registration.links.pair', { a: l.requesting.caseCode, b: l.other.caseCode })}</a>
              </h2>
              <p>{t('registration.links.between', { a: l.requesting.organisationName, b: l.other.organisationName })}</p>
              <p class="hint">
                {t(linkStatusKey(l.status))} · {formatDateTime(locale, l.requestedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
