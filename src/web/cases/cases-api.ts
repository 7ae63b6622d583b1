import type { CaseDetail, CaseSummary } from '../../domain/cases/views.ts';
import type { PersonIdentity } from '../../domain/cases/identity.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure, apiGet, apiRequest } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';
import type { DuplicateCandidate, Registration } from './registration/wizard-state.ts';

/** Type-only shapes of the cases API (the bundle gets no zod) and the calls the pages make. */
export type { CaseDetail, CaseSummary };

export interface LinkSide {
  id: string;
  caseCode: string;
  organisationId: string;
  organisationName: string;
}

export interface LinkRequest {
  id: string;
  status: string;
  score: number;
  requestedAt: string;
  requesting: LinkSide;
  other: LinkSide;
}

export interface LinkComparison extends LinkRequest {
  requestingCase: CaseSummary & { identity: PersonIdentity | null };
  otherCase: CaseSummary & { identity: PersonIdentity | null };
}

export interface ConsentOverride {
  id: string;
  caseId: string;
  caseCode: string;
  organisationId: string;
  toOrganisationId: string;
  serviceType: string | null;
  reason: string | null;
  overriddenAt: string;
  reviewedAt: string | null;
}

export const caseKeys = {
  list: (q: string, page: number) => ['cases', 'list', q, page] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  links: ['cases', 'links'] as const,
  link: (id: string) => ['cases', 'links', id] as const,
  overrides: ['cases', 'overrides'] as const,
  organisations: ['cases', 'organisations'] as const,
};

export const CASES_PER_PAGE = 25;

export function listCases(q: string, page: number, locale: Locale) {
  const params = new URLSearchParams({ page: String(page), perPage: String(CASES_PER_PAGE) });
  if (q.trim()) params.set('q', q.trim());
  return apiGet<{ items: CaseSummary[] }>(`/api/cases?${params}`, locale);
}

export const getCase = (id: string, locale: Locale) => apiGet<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`, locale);
export const listLinks = (locale: Locale) => apiGet<{ items: LinkRequest[] }>('/api/case-links', locale);
export const getLink = (id: string, locale: Locale) => apiGet<LinkComparison>(`/api/case-links/${encodeURIComponent(id)}`, locale);
export const listOverrides = (locale: Locale) => apiGet<{ items: ConsentOverride[] }>('/api/consent-overrides', locale);
export const listOrganisations = (locale: Locale) => apiGet<{ items: { id: string; name: string }[] }>('/api/organisations', locale);

/** Where the person's file is downloaded for them (a plain link: the cookie goes along). */
export const exportPath = (id: string, format: 'json' | 'pdf') => `/api/cases/${encodeURIComponent(id)}/export.${format}`;

export async function checkDuplicates(registration: Registration, locale: Locale, csrfToken: string): Promise<DuplicateCandidate[]> {
  const stats = { sex: registration.stats.sex, ...(registration.stats.nationality ? { nationality: registration.stats.nationality } : {}) };
  const answer = await apiRequest<{ candidates: DuplicateCandidate[] }>('/api/cases/duplicate-check', { locale, method: 'POST', body: { identity: registration.identity, stats }, csrfToken });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.candidates;
}

/** A command; `id` is passed when a retry must be recognised as the same request. */
export async function caseCommand<R>(name: string, input: unknown, locale: Locale, csrfToken: string, id?: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken, ...(id ? { id } : {}) });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

export interface RegisterResult {
  caseId: string;
  caseCode: string;
  category: string;
  riskLevel: string;
}
