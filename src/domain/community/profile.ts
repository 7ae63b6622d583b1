import { z } from 'zod';
import { ADMIN2_PATTERN, isCoveragePcode } from '../directory/geo.ts';
import { AUDIENCES } from '../activities/activity.ts';

/**
 * A community profile (issue #10): what a participatory diagnostic learnt about one locality
 * with many vulnerable migrants — its migration flows, protection challenges and opportunities,
 * the groups living there, the local and endogenous protection mechanisms, who was met. Service
 * providers are linked from the directory by id, never copied. A profile is dated and lists its
 * sources; each save is a new version, so what the action plan was built on stays readable.
 */

/** A commune (admin-3, ML010101) is where a diagnostic happens; a cercle or region also goes. */
export const ADMIN3_PATTERN = /^(ML|BF)\d{6}$/;

export function isLocalityPcode(pcode: string): boolean {
  return isCoveragePcode(pcode) || (ADMIN3_PATTERN.test(pcode) && isCoveragePcode(pcode.slice(0, 6)) && ADMIN2_PATTERN.test(pcode.slice(0, 6)));
}

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const FLOW_DIRECTIONS = ['departure', 'transit', 'arrival', 'return', 'displacement'] as const;
export const SOURCE_KINDS = ['consultation', 'focus_group', 'interview', 'observation', 'document', 'statistics'] as const;
export const MECHANISM_KINDS = ['endogenous', 'community', 'religious', 'state', 'ngo'] as const;

export const flowSchema = z
  .object({
    direction: z.enum(FLOW_DIRECTIONS),
    description: text(1000),
    /** People per month, as estimated by those met; a range is written in the description. */
    estimatePerMonth: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

export const sourceSchema = z
  .object({
    kind: z.enum(SOURCE_KINDS),
    title: text(300),
    date: isoDate.optional(),
    /** A consultation recorded as an activity of Sira. */
    activityId: z.uuid().optional(),
  })
  .strict()
  .refine((s) => s.activityId === undefined || s.kind === 'consultation' || s.kind === 'focus_group', { params: { code: 'profile_source_activity_kind' }, path: ['activityId'] });

export const mechanismSchema = z
  .object({
    kind: z.enum(MECHANISM_KINDS),
    name: text(200),
    /** How it protects, who runs it, how to reach it: as the community described it. */
    description: longText(2000).default(''),
  })
  .strict();

export const groupSchema = z.object({ name: text(200), description: longText(2000).default('') }).strict();

/** Who was met: a role and a category, never a private person's name (leaders are named by their role). */
export const stakeholderSchema = z.object({ role: text(200), category: z.enum([...AUDIENCES, 'other']), organisationId: z.uuid().optional() }).strict();

export const communityProfileSchema = z
  .object({
    locationPcode: z.string().refine(isLocalityPcode, { params: { code: 'unknown_pcode' } }),
    /** The locality as people name it ("Kayes N'Di"): the P-code alone is too coarse for a neighbourhood. */
    localityName: text(200),
    /** The day the profile describes (the end of the diagnostic). */
    asOf: isoDate,
    migrationTrends: longText(8000).default(''),
    flows: z.array(flowSchema).max(30).default([]),
    challenges: z.array(text(1000)).max(50).default([]),
    opportunities: z.array(text(1000)).max(50).default([]),
    groups: z.array(groupSchema).max(50).default([]),
    mechanisms: z.array(mechanismSchema).max(50).default([]),
    /** Directory services that serve the locality, linked by id. */
    serviceIds: z.array(z.uuid()).max(200).default([]),
    stakeholders: z.array(stakeholderSchema).max(200).default([]),
    sources: z.array(sourceSchema).min(1).max(100),
  })
  .strict()
  .refine((p) => new Set(p.serviceIds).size === p.serviceIds.length, { params: { code: 'profile_duplicate_service' }, path: ['serviceIds'] })
  // A source dated after the profile's day cannot have informed it.
  .refine((p) => p.sources.every((s) => !s.date || !isoDate.safeParse(p.asOf).success || s.date <= p.asOf), { params: { code: 'profile_source_after_profile' }, path: ['sources'] });
export type CommunityProfileInput = z.input<typeof communityProfileSchema>;
export type CommunityProfile = z.output<typeof communityProfileSchema>;

/** Consultations the profile rests on, as activity ids, once each, in the order the sources list them. */
export function consultationIds(profile: Pick<CommunityProfile, 'sources'>): string[] {
  return [...new Set(profile.sources.flatMap((s) => (s.activityId ? [s.activityId] : [])))];
}
