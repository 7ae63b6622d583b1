import { z } from 'zod';
import { TERM_CODE_PATTERN } from '../directory/schemas.ts';
import { SERVICE_TYPES, TARGET_GROUPS } from '../directory/taxonomy.ts';
import { pcodeSchema } from '../organisations/schemas.ts';

/**
 * A referral pathway: for one target group, the ordered service types a person is referred to,
 * as the NRM procedures describe them (DOMAIN.md §2), and who answers for each step in each
 * region. The coordinator edits pathways; the defaults are in `default-pathways.ts`.
 *
 * Codes are those of the directory's taxonomies. Those taxonomies are seed data a coordinator
 * may extend, so the schema is built from the codes that exist (`pathwaySchema(known)`): the
 * server passes the live terms, and the seed codes are the default for pure code and tests.
 */

/**
 * When a step should happen, relative to identification: the three columns partners already
 * use on paper (and the Emergency 24 h / Urgent 72 h / Normal split of the inter-agency
 * referral form, DOMAIN.md §3).
 */
export const STEP_TIMINGS = ['immediate', 'within_72h', 'later'] as const;
export type StepTiming = (typeof STEP_TIMINGS)[number];

export interface KnownCodes {
  serviceTypes: ReadonlySet<string>;
  targetGroups: ReadonlySet<string>;
}

export const SEED_CODES: KnownCodes = {
  serviceTypes: new Set(SERVICE_TYPES.terms.map((t) => t.code)),
  targetGroups: new Set(TARGET_GROUPS.terms.map((t) => t.code)),
};

/** A pathway is read on one wall chart: more steps than this would not fit an A4 page. */
export const MAX_STEPS = 12;

const responsibleInput = z
  .object({
    admin1Pcode: pcodeSchema,
    /** Organisation ids, in the order a referrer should try them. */
    organisationIds: z.array(z.uuid()).max(20),
  })
  .strict();

const distinctRegions = (entries: readonly { admin1Pcode: string }[]) => new Set(entries.map((e) => e.admin1Pcode)).size === entries.length;

export function pathwaySchema(known: KnownCodes = SEED_CODES) {
  const step = z
    .object({
      serviceType: z
        .string()
        .regex(TERM_CODE_PATTERN)
        .refine((c) => known.serviceTypes.has(c), { params: { code: 'unknown_service_type' } }),
      timing: z.enum(STEP_TIMINGS),
      /** One entry per admin-1 region at most; a region without an entry has nobody named yet. */
      responsible: z.array(responsibleInput).max(60).default([]),
    })
    .strict()
    // Two lists for one region would leave the referrer guessing which one holds.
    .refine((s) => distinctRegions(s.responsible), { params: { code: 'duplicate_region' }, path: ['responsible'] });

  return z
    .object({
      targetGroup: z
        .string()
        .regex(TERM_CODE_PATTERN)
        .refine((c) => known.targetGroups.has(c), { params: { code: 'unknown_target_group' } }),
      steps: z.array(step).min(1).max(MAX_STEPS),
    })
    .strict();
}

/** Validates against the seed taxonomies; the server builds its own from the live terms. */
export const pathwayInput = pathwaySchema();
export type PathwayInput = z.input<typeof pathwayInput>;
export type Pathway = z.output<typeof pathwayInput>;
export type PathwayStep = Pathway['steps'][number];

/** The organisations answering for a step in a region (admin-1 P-code); empty when none is named. */
export function responsibleFor(step: PathwayStep, admin1Pcode: string): readonly string[] {
  return step.responsible.find((r) => r.admin1Pcode === admin1Pcode)?.organisationIds ?? [];
}
