import './messages.ts';
import { useInfiniteQuery } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatNumber } from '../i18n/format.ts';
import { Page } from '../shell/page.tsx';
import { type DirectorySearch, type FilterName, activeFilters, directoryKeys, directoryPath, rememberSearch, searchFromQuery, searchServices, searchToQuery } from './directory-api.ts';
import './directory.css';
import { type Vocabulary, languageName, regionLabel, useVocabulary } from './labels.ts';
import { SearchForm } from './search-form.tsx';
import { ServiceCard } from './service-card.tsx';

/**
 * The service directory for members: words and filters combined with AND, the search kept
 * in the address (shared by a link, kept on reload), results a page at a time.
 */
export function DirectoryPage() {
  const { locale, t } = useI18n();
  const location = useLocation();
  // The route's own query, not the address bar's: while the next page loads, this page
  // still renders, and must not start a search for the next page's address.
  const search = searchFromQuery(useRoute().query);
  const query = searchToQuery(search);
  useEffect(() => rememberSearch(query ? `/directory?${query}` : '/directory'), [query]);
  const vocabulary = useVocabulary();
  const results = useInfiniteQuery({
    queryKey: directoryKeys.search(query),
    queryFn: ({ pageParam }) => searchServices(query, pageParam, locale),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page < last.totalPages ? last.page + 1 : undefined),
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;

  return (
    <Page id="directory-title" title={t('nav.directory')}>
      {/* Keyed by the address: back and forward show the search that was made there. */}
      <SearchForm key={query} value={search} vocabulary={vocabulary} onSearch={(next) => location.route(directoryPath(next))} />
      <p class="directory-count" role="status">
        {results.isSuccess ? t('directory.results.count', { count: total, shown: formatNumber(locale, total) }) : ''}
      </p>
      {results.isPending ? (
        <p class="card" role="status">
          {results.fetchStatus === 'paused' ? t('shell.waitingForNetwork') : t('app.loading')}
        </p>
      ) : results.isError && items.length === 0 ? (
        <div class="form-error" role="alert">
          {problemMessage(results.error instanceof ApiFailure ? results.error.problem : { kind: 'network' }, locale)}
        </div>
      ) : items.length === 0 ? (
        <EmptyResults search={search} vocabulary={vocabulary} />
      ) : (
        <>
          <ul class="admin-list" aria-labelledby="directory-title">
            {items.map((s) => (
              <ServiceCard key={s.id} service={s} vocabulary={vocabulary} />
            ))}
          </ul>
          {results.hasNextPage && (
            <button type="button" class="button button-secondary" disabled={results.isFetchingNextPage} aria-busy={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
              {results.isFetchingNextPage ? t('app.loading') : t('directory.results.more', { count: total - items.length })}
            </button>
          )}
          {results.isError && (
            <div class="form-error" role="alert">
              {problemMessage(results.error instanceof ApiFailure ? results.error.problem : { kind: 'network' }, locale)}
            </div>
          )}
        </>
      )}
    </Page>
  );
}

/** Nothing found: say which filter to drop, each as a link to the same search without it. */
function EmptyResults({ search, vocabulary }: { search: DirectorySearch; vocabulary: Vocabulary }) {
  const { t } = useI18n();
  const used = activeFilters(search);
  const label = (name: FilterName): string => {
    switch (name) {
      case 'serviceType':
      case 'targetGroup':
        return vocabulary.term(search[name]);
      case 'region':
        return regionLabel(search.region);
      case 'cost':
        return search.cost ? t(`directory.cost.${search.cost}`) : '';
      case 'language':
        return languageName(search.language);
      case 'openNow':
        return t('directory.filter.openNow');
    }
  };
  return (
    <div class="card directory-empty">
      <p>{t('directory.results.none')}</p>
      {used.length > 0 || search.q ? (
        <>
          <p>{t('directory.results.loosen')}</p>
          <ul class="directory-loosen">
            {search.q && (
              <li>
                <a href={directoryPath({ ...search, q: '' })}>{t('directory.results.withoutWords', { words: search.q })}</a>
              </li>
            )}
            {used.map((name) => (
              <li key={name}>
                <a href={directoryPath({ ...search, [name]: name === 'openNow' ? false : '' })}>{t('directory.results.without', { filter: label(name) })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('directory.results.emptyDirectory')}</p>
      )}
    </div>
  );
}
