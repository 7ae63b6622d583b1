import type { Locale } from '../../domain/i18n/locales.ts';
import type { EscalationItem, InboxView, PersonEvent, ReferralDetail, ReferralPage, ReferralSummary } from '../../domain/referrals/schemas.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { sendCommand } from '../api/commands.ts';

/** Type-only shapes of the referrals API (the bundle gets no zod) and the calls the pages make. */
export type { EscalationItem, InboxView, PersonEvent, ReferralDetail, ReferralPage, ReferralSummary };

/** Received by the caller's organisation, or sent by it. */
export type Direction = 'inbox' | 'sent';

export const referralKeys = {
  all: ['referrals'] as const,
  list: (direction: Direction, view: InboxView, page: number) => ['referrals', direction, view, page] as const,
  forCase: (caseId: string) => ['referrals', 'sent', 'case', caseId] as const,
  detail: (id: string) => ['referrals', 'detail', id] as const,
  escalations: ['referrals', 'escalations'] as const,
  consent: (caseId: string, organisationId: string, serviceType: string) => ['referrals', 'consent', caseId, organisationId, serviceType] as const,
};

export const REFERRALS_PER_PAGE = 25;

export function listReferrals(direction: Direction, view: InboxView, page: number, locale: Locale): Promise<ReferralPage> {
  const params = new URLSearchParams({ view, page: String(page), perPage: String(REFERRALS_PER_PAGE) });
  return apiGet<ReferralPage>(`/api/referrals/${direction}?${params}`, locale);
}

/** Every referral of one case, open ones and closed ones, for the case page (two small reads). */
export async function listCaseReferrals(caseId: string, locale: Locale): Promise<ReferralSummary[]> {
  const read = (view: InboxView) => apiGet<ReferralPage>(`/api/referrals/sent?${new URLSearchParams({ view, caseId, perPage: '100' })}`, locale);
  const [open, closed] = await Promise.all([read('open'), read('closed')]);
  return [...open.items, ...closed.items].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
}

export const getReferral = (id: string, locale: Locale) => apiGet<ReferralDetail>(`/api/referrals/${encodeURIComponent(id)}`, locale);
export const listEscalations = (locale: Locale) => apiGet<{ items: EscalationItem[] }>('/api/referrals/escalations', locale);

export function checkConsent(caseId: string, organisationId: string, serviceType: string, locale: Locale): Promise<{ covered: boolean }> {
  const params = new URLSearchParams({ organisationId, serviceType });
  return apiGet<{ covered: boolean }>(`/api/cases/${encodeURIComponent(caseId)}/consent-check?${params}`, locale);
}

/** The paper form in a language (a plain link: the cookie goes along). */
export const formPdfPath = (id: string, lang: Locale) => `/api/referrals/${encodeURIComponent(id)}/form.pdf?lang=${lang}`;

/** A command; `id` is passed when a retry must be recognised as the same request. */
export async function referralCommand<R>(name: string, input: unknown, locale: Locale, csrfToken: string, id?: string): Promise<R> {
  const answer = await sendCommand<R>(name, input, { locale, csrfToken, ...(id ? { id } : {}) });
  if (answer.kind !== 'ok') throw new ApiFailure(answer);
  return answer.data.result;
}

export interface CreatedReferral {
  referralId: string;
  referenceCode: string;
  basis: 'consent' | 'override';
  answerDueAt: string;
}
