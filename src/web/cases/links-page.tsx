import './messages.ts';
import './cases.css';
import { useQuery } from '@tanstack/preact-query';
import { useI18n } from '../i18n/i18n.ts';
import { formatDateTime } from '../i18n/format.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { caseKeys, listLinks } from './cases-api.ts';
import { linkStatusKey } from './labels.ts';

/** For the coordinator: identifiers' requests to check whether two records are the same person. */
export function LinksPage() {
  const { locale, t } = useI18n();
  const query = useQuery({ queryKey: caseKeys.links, queryFn: () => listLinks(locale) });
  return (
    <Page id="links-title" title={t('registration.links.title')}>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p class="card">{t('registration.links.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="links-title">
              {data.items.map((l) => (
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
          )
        }
      </QueryView>
    </Page>
  );
}
