import type { ServiceDetailView, TaxonomyView } from '../../domain/directory/views.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** Type-only shapes of the directory reads the editing pages need (the bundle gets no zod). */
export type ServiceDetail = ServiceDetailView;
export type Taxonomy = TaxonomyView;

export interface OrganisationChoice {
  id: string;
  name: string;
  country: string;
}

export const serviceEditKeys = {
  /** The same key a service page may use: a save refreshes both. */
  service: (id: string) => ['directory', 'service', id] as const,
  taxonomies: ['directory', 'taxonomies'] as const,
  organisations: ['directory', 'edit', 'organisations'] as const,
};

export const getService = (id: string, locale: Locale) => apiGet<ServiceDetail>(`/api/directory/services/${encodeURIComponent(id)}`, locale);
export const getTaxonomies = (locale: Locale) => apiGet<{ items: Taxonomy[] }>('/api/directory/taxonomies', locale);
export const getOrganisations = (locale: Locale) => apiGet<{ items: OrganisationChoice[] }>('/api/organisations', locale);

/** A command for the data-fetching library: the receipt's result, or an ApiFailure thrown. */
export async function serviceCommand<R>(name: string, input: unknown, locale: Locale, csrfToken: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

/** The taxonomy's terms a focal point may tick: switched-off terms stay only where already chosen. */
export function termsOf(taxonomies: readonly Taxonomy[] | undefined, key: string, chosen: readonly string[]) {
  const taxonomy = taxonomies?.find((t) => t.key === key);
  return (taxonomy?.terms ?? []).filter((term) => term.active || chosen.includes(term.code));
}
