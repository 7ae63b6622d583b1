import type { CostKind } from '../../domain/directory/schemas.ts';
import type { ServiceDetailView, ServiceSummaryView, TaxonomyView } from '../../domain/directory/views.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { apiGet } from '../api/client.ts';

/** Type-only shapes of the directory reads (the bundle gets no zod) and the calls the pages make. */
export type { ServiceDetailView, ServiceSummaryView, TaxonomyView };

export interface ServicePage {
  items: ServiceSummaryView[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}

/** GET /api/directory/coverage: only non-zero cells travel; a missing cell is a gap. */
export interface Coverage {
  cells: { serviceType: string; region: string; providers: number }[];
}

/** What a search is: everything that goes in the page's address, so it can be shared and survives a reload. */
export interface DirectorySearch {
  q: string;
  serviceType: string;
  region: string;
  targetGroup: string;
  cost: '' | CostKind;
  language: string;
  openNow: boolean;
}

export const EMPTY_SEARCH: DirectorySearch = { q: '', serviceType: '', region: '', targetGroup: '', cost: '', language: '', openNow: false };

/** The filters besides the words, in the order the form shows them. */
export const FILTER_NAMES = ['serviceType', 'region', 'targetGroup', 'cost', 'language', 'openNow'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const COSTS: readonly string[] = ['free', 'cost_shared', 'paid'];

/** Reads a search from the address's query; anything unknown is ignored rather than sent on. */
export function searchFromQuery(query: Record<string, string | undefined>): DirectorySearch {
  const text = (name: string) => (query[name] ?? '').trim();
  const cost = text('cost');
  return {
    q: text('q'),
    serviceType: text('serviceType'),
    region: text('region'),
    targetGroup: text('targetGroup'),
    cost: COSTS.includes(cost) ? (cost as CostKind) : '',
    language: text('language'),
    openNow: query.openNow === 'true',
  };
}

/** The query string of a search, with only what is set (short links, small requests). */
export function searchToQuery(search: DirectorySearch): string {
  const query = new URLSearchParams();
  if (search.q.trim()) query.set('q', search.q.trim());
  for (const name of FILTER_NAMES) {
    const value = search[name];
    if (value === true) query.set(name, 'true');
    else if (typeof value === 'string' && value) query.set(name, value);
  }
  return query.toString();
}

export function activeFilters(search: DirectorySearch): FilterName[] {
  return FILTER_NAMES.filter((name) => Boolean(search[name]));
}

export const directoryPath = (search: DirectorySearch) => {
  const query = searchToQuery(search);
  return query ? `/directory?${query}` : '/directory';
};

/**
 * The last search of this tab, so "back to the directory" from a service returns to it.
 * In memory only: nothing of it stays on a shared phone once the tab is closed.
 */
let lastSearch = '/directory';
export const rememberSearch = (path: string) => {
  lastSearch = path;
};
export const lastSearchPath = () => lastSearch;

// Ten cards a page: enough to scan, small enough for 2G.
export const PAGE_SIZE = 10;

export const directoryKeys = {
  taxonomies: ['directory', 'taxonomies'] as const,
  search: (query: string) => ['directory', 'services', query] as const,
  service: (id: string) => ['directory', 'service', id] as const,
  coverage: ['directory', 'coverage'] as const,
};

export function searchServices(query: string, page: number, locale: Locale): Promise<ServicePage> {
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  params.set('perPage', String(PAGE_SIZE));
  return apiGet<ServicePage>(`/api/directory/services?${params}`, locale);
}

export const getService = (id: string, locale: Locale) => apiGet<ServiceDetailView>(`/api/directory/services/${encodeURIComponent(id)}`, locale);
export const listTaxonomies = (locale: Locale) => apiGet<{ items: TaxonomyView[] }>('/api/directory/taxonomies', locale);
export const getCoverage = (locale: Locale) => apiGet<Coverage>('/api/directory/coverage', locale);

// The taxonomies change when a coordinator edits a term: rarely. No need to fetch them on every page.
export const TAXONOMY_STALE_MS = 10 * 60_000;
