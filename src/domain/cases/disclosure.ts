import { z } from 'zod';

/**
 * The minimal data set a receiving organisation may get (DOMAIN.md §4, the inter-agency
 * referral form): the case code, age band, sex, language, region, category, and — only when
 * the person's consent to that organisation covers it — name, phone, and a child's caregiver
 * contact. Never the case file, never an exploitation narrative.
 */
export const DISCLOSABLE_FIELDS = ['caseCode', 'ageBand', 'sex', 'language', 'region', 'category', 'name', 'phone', 'caregiverContact'] as const;
export type DisclosableField = (typeof DISCLOSABLE_FIELDS)[number];

/** Fields that identify the person. */
export const IDENTIFYING_FIELDS: readonly DisclosableField[] = ['name', 'phone', 'caregiverContact'];

export const OVERRIDE_REASON_MIN = 10;

export const discloseInput = z
  .object({
    caseId: z.uuid(),
    toOrganisationId: z.uuid(),
    serviceType: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,63}$/)
      .optional(),
    fields: z.array(z.enum(DISCLOSABLE_FIELDS)).min(1).max(DISCLOSABLE_FIELDS.length),
    /** Only for a role allowed to override: why the disclosure goes ahead without consent. */
    override: z.object({ reason: z.string().trim().min(OVERRIDE_REASON_MIN).max(2000) }).strict().optional(),
  })
  .strict();
export type DiscloseInput = z.output<typeof discloseInput>;

export const disclosedDataView = z
  .object({
    caseCode: z.string().optional(),
    ageBand: z.string().optional(),
    sex: z.string().optional(),
    language: z.string().nullable().optional(),
    region: z.string().optional(),
    category: z.string().optional(),
    name: z.string().optional(),
    phone: z.string().nullable().optional(),
    caregiverContact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).optional(),
  })
  .strict();
export type DisclosedData = z.output<typeof disclosedDataView>;
