import type { Locale } from '../../domain/i18n/locales.ts';
import type { StepTiming } from '../../domain/referrals/pathways.ts';
import { apiGet } from '../api/client.ts';

/** Type-only shapes of GET /api/referral-pathways (the bundle gets no zod). */
export interface PathwayStepItem {
  serviceType: string;
  timing: StepTiming;
  responsible: { admin1Pcode: string; organisationIds: string[] }[];
}

export interface PathwayItem {
  targetGroup: string;
  steps: PathwayStepItem[];
  /** 0 for the pathway Sira ships; sent back as `expectedVersion` when saving. */
  version: number;
  isDefault: boolean;
  updatedAt: string | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
  acronym: string | null;
}

export interface PathwayList {
  items: PathwayItem[];
  organisations: OrganisationRef[];
}

export const pathwayKeys = { list: ['pathways'] as const };

export const listPathways = (locale: Locale) => apiGet<PathwayList>('/api/referral-pathways', locale);

/**
 * The chart drawn by the server, in the language on screen. The version is in the address so a
 * save shows the new chart at once instead of the one the browser revalidates.
 */
export function diagramUrl(pathway: Pick<PathwayItem, 'targetGroup' | 'version'>, locale: Locale, region: string): string {
  const query = new URLSearchParams({ lang: locale, v: String(pathway.version) });
  if (region) query.set('region', region);
  return `/api/referral-pathways/${encodeURIComponent(pathway.targetGroup)}/diagram.svg?${query.toString()}`;
}

export const pathwayPath = (targetGroup?: string) => (targetGroup ? `/referrals/pathways?group=${encodeURIComponent(targetGroup)}` : '/referrals/pathways');
