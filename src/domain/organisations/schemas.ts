import { z } from 'zod';
import { COUNTRIES, isKnownAdmin1Pcode } from '../geo/admin1.ts';

export const ORGANISATION_TYPES = ['government', 'ngo', 'un_international', 'community_based', 'private'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const pcodeSchema = z.string().refine(isKnownAdmin1Pcode, { params: { code: 'unknown_pcode' } });

export const createOrganisationInput = z
  .object({
    /** Client-chosen so that an offline client can refer to the organisation before sync. */
    organisationId: z.uuid(),
    name: z.string().trim().min(2).max(200),
    acronym: z.string().trim().min(1).max(30).optional(),
    type: z.enum(ORGANISATION_TYPES),
    country: z.enum(COUNTRIES),
    regionPcodes: z.array(pcodeSchema).max(40).default([]),
  })
  .strict();
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;

export const updateOrganisationInput = z
  .object({
    organisationId: z.uuid(),
    name: z.string().trim().min(2).max(200).optional(),
    acronym: z.string().trim().min(1).max(30).nullable().optional(),
    type: z.enum(ORGANISATION_TYPES).optional(),
    regionPcodes: z.array(pcodeSchema).max(40).optional(),
    active: z.boolean().optional(),
  })
  .strict();

/** What leaves the server about an organisation: no field is added by accident. */
export const organisationView = z.object({
  id: z.uuid(),
  name: z.string(),
  acronym: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPES),
  country: z.enum(COUNTRIES),
  regionPcodes: z.array(z.string()),
  active: z.boolean(),
});
export type OrganisationView = z.infer<typeof organisationView>;
