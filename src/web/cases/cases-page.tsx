import './messages.ts';
import './cases.css';
import { useQuery } from '@tanstack/preact-query';
import { useLocation, useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { formatDate } from '../i18n/format.ts';
import { useSession } from '../identity/session-store.tsx';
import { hasAbility } from '../identity/session.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { CaseChips } from './case-chips.tsx';
import { CASES_PER_PAGE, caseKeys, listCases } from './cases-api.ts';

/**
 * The cases the user may read, newest first. No names: the API sends none, so a list glanced
 * at over a shoulder says nothing about who. A case is found by its code or a phone number
 * (exact, through a blind index on the server).
 */
export function CasesPage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const location = useLocation();
  const q = useRoute().query.q ?? '';
  const [text, setText] = useState(q);
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: caseKeys.list(q, page), queryFn: () => listCases(q, page, locale) });
  if (state.status !== 'signedIn') return null;
  const items = query.data?.items ?? [];
  return (
    <Page id="cases-title" title={t('registration.list.title')}>
      {hasAbility(state.user, 'case.register') && (
        <p>
          <a class="button button-primary button-inline" href="/cases/new">
            {t('registration.list.new')}
          </a>
        </p>
      )}
      <form
        class="case-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          location.route(text.trim() ? `/cases?q=${encodeURIComponent(text.trim())}` : '/cases');
        }}
      >
        <div class="field">
          <label for="cases-search">{t('registration.list.search')}</label>
          <p id="cases-search-hint" class="field-hint">
            {t('registration.list.searchHint')}
          </p>
          <input id="cases-search" type="search" value={text} autocomplete="off" aria-describedby="cases-search-hint" onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-secondary button-inline">
          {t('registration.list.find')}
        </button>
      </form>
      <QueryView query={query}>
        {() =>
          items.length === 0 ? (
            <p class="card">{q ? t('registration.list.notFound') : t('registration.list.none')}</p>
          ) : (
            <ul class="admin-list" aria-labelledby="cases-title">
              {items.map((c) => (
                <li key={c.id} class="card">
                  <h2 class="admin-item-title">
                    <a href={`/cases/${c.id}`}>{c.caseCode}</a>
                  </h2>
                  <CaseChips category={c.category} riskLevel={c.riskLevel} isChild={c.isChild} regionPcode={c.regionPcode} />
                  <p class="hint">{t('registration.case.registeredOn', { date: formatDate(locale, c.registeredAt) })}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <p class="case-pages">
        {page > 1 && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page - 1)}>
            {t('registration.list.previous')}
          </button>
        )}{' '}
        {items.length === CASES_PER_PAGE && (
          <button type="button" class="button button-secondary button-inline" onClick={() => setPage(page + 1)}>
            {t('registration.list.next')}
          </button>
        )}
      </p>
    </Page>
  );
}
