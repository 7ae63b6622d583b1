import { z } from 'zod';
import { COUNTRIES } from '../geo/admin1.ts';
import { adminLevel, isCoveragePcode } from './geo.ts';
import { TIME_PATTERN, WEEKDAYS } from './schedule.ts';

/** HSDS 3.0 service.status. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
/** Who sees a service: everyone (HSDS API, public pages), or signed-in members only. */
export const VISIBILITIES = ['public', 'members'] as const;
/** Sira profile of HSDS cost_option.option. */
export const COST_KINDS = ['free', 'cost_shared', 'paid'] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const LOCATION_TYPES = ['physical', 'postal', 'virtual'] as const;
/** RFC 6350 TYPE values HSDS lists for phone.type. */
export const PHONE_TYPES = ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] as const;
export const CAPACITY_UNITS = ['bed', 'place'] as const;

/** ISO 639-1 where it exists, else ISO 639-3 (mos, snk, dyu…). */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/);
export const coveragePcode = z.string().refine(isCoveragePcode, { params: { code: 'unknown_pcode' } });
const admin1Pcode = z.string().refine((p) => adminLevel(p) === 1, { params: { code: 'unknown_pcode' } });
const admin2Pcode = z.string().refine((p) => adminLevel(p) === 2, { params: { code: 'unknown_pcode' } });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const phoneInput = z
  .object({
    number: z.string().trim().regex(/^\+?[0-9 ().-]{4,30}$/),
    extension: z.number().int().min(0).max(99999).nullable().optional(),
    type: z.enum(PHONE_TYPES).nullable().optional(),
    description: optionalText(200),
    languages: z.array(languageCode).max(10).default([]),
  })
  .strict();

export const scheduleInput = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    opensAt: z.string().regex(TIME_PATTERN),
    closesAt: z.string().regex(TIME_PATTERN),
    notes: optionalText(300),
  })
  .strict()
  .refine((s) => s.opensAt < s.closesAt, { params: { code: 'closes_before_opens' }, path: ['closesAt'] });

export const costInput = z
  .object({
    kind: z.enum(COST_KINDS),
    /** In CFA francs (XOF), whole francs. */
    amount: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
    description: optionalText(300),
  })
  .strict()
  .refine((c) => c.kind !== 'free' || c.amount == null || c.amount === 0, { params: { code: 'free_has_no_amount' }, path: ['amount'] });

export const contactInput = z
  .object({
    /** A role ("Point focal protection") rather than a person's name. */
    name: optionalText(120),
    title: optionalText(120),
    department: optionalText(120),
    email: z.email().max(200).nullable().optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ().-]{4,30}$/).nullable().optional(),
  })
  .strict();

export const addressInput = z
  .object({
    address1: text(200),
    address2: optionalText(200),
    city: text(100),
    /** Admin-2 name (cercle, province), HSDS `region`. */
    region: optionalText(100),
    country: z.enum(COUNTRIES),
  })
  .strict();

export const locationInput = z
  .object({
    /** Client-chosen: a location keeps its id when the service is saved again. */
    id: z.uuid(),
    locationType: z.enum(LOCATION_TYPES).default('physical'),
    name: optionalText(200),
    description: optionalText(1000),
    transportation: optionalText(500),
    latitude: z.number().min(-90).max(90).nullable().optional(),
    longitude: z.number().min(-180).max(180).nullable().optional(),
    admin1Pcode: admin1Pcode.nullable().optional(),
    admin2Pcode: admin2Pcode.nullable().optional(),
    /** A safe house: the address is shown to signed-in members only. */
    confidential: z.boolean().default(false),
    address: addressInput.nullable().optional(),
  })
  .strict()
  .refine((l) => !l.admin2Pcode || !l.admin1Pcode || l.admin2Pcode.startsWith(l.admin1Pcode), { params: { code: 'admin2_outside_admin1' }, path: ['admin2Pcode'] });

export const capacityInput = z
  .object({
    unit: z.enum(CAPACITY_UNITS),
    available: z.number().int().min(0).max(100_000),
    maximum: z.number().int().min(0).max(100_000).nullable().optional(),
    description: optionalText(300),
  })
  .strict()
  .refine((c) => c.maximum == null || c.available <= c.maximum, { params: { code: 'above_maximum' }, path: ['available'] });

/** Everything a service is, saved as a whole: lists replace what was there. */
const serviceFields = {
  serviceId: z.uuid(),
  name: text(200),
  alternateName: optionalText(200),
  description: optionalText(4000),
  // Web addresses only: a javascript: or data: link would be shown to people as a link.
  url: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
  email: z.email().max(200).nullable().optional(),
  status: z.enum(SERVICE_STATUSES).default('active'),
  visibility: z.enum(VISIBILITIES).default('public'),
  interpretationServices: optionalText(500),
  applicationProcess: optionalText(2000),
  feesDescription: optionalText(1000),
  eligibilityDescription: optionalText(2000),
  minimumAge: z.number().int().min(0).max(120).nullable().optional(),
  maximumAge: z.number().int().min(0).max(120).nullable().optional(),
  alert: optionalText(500),
  /** Codes of terms of the NRM service-type taxonomy. */
  serviceTypes: z.array(z.string().min(1).max(60)).min(1).max(20),
  /** Codes of terms of the target-group taxonomy; none means open to all. */
  targetGroups: z.array(z.string().min(1).max(60)).max(20).default([]),
  languages: z.array(languageCode).max(15).default([]),
  costs: z.array(costInput).max(5).default([]),
  phones: z.array(phoneInput).max(10).default([]),
  contacts: z.array(contactInput).max(10).default([]),
  schedules: z.array(scheduleInput).max(14).default([]),
  coverage: z.array(coveragePcode).max(100).default([]),
  locations: z.array(locationInput).max(30).default([]),
  capacity: capacityInput.nullable().optional(),
};

const agesInOrder = (s: { minimumAge?: number | null; maximumAge?: number | null }) => s.minimumAge == null || s.maximumAge == null || s.minimumAge <= s.maximumAge;

export const createServiceInput = z
  .object({ ...serviceFields, organisationId: z.uuid() })
  .strict()
  .refine(agesInOrder, { params: { code: 'ages_out_of_order' }, path: ['maximumAge'] });
export type CreateServiceInput = z.infer<typeof createServiceInput>;

/** The same fields: a save replaces the service as the form shows it (the organisation stays). */
export const updateServiceInput = z
  .object(serviceFields)
  .strict()
  .refine(agesInOrder, { params: { code: 'ages_out_of_order' }, path: ['maximumAge'] });
export type UpdateServiceInput = z.infer<typeof updateServiceInput>;
export type ServiceFields = UpdateServiceInput;

export const verifyServiceInput = z
  .object({
    serviceId: z.uuid(),
    /** When the check was made, if not now (a mapping visit recorded later); never in the future. */
    verifiedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export const deactivateServiceInput = z
  .object({ serviceId: z.uuid(), status: z.enum(['inactive', 'defunct', 'temporarily closed']).default('inactive') })
  .strict();
export const seedTaxonomyInput = z.object({}).strict();

const labelsInput = (max: number) => z.object({ fr: text(max), en: text(max), bm: text(max) }).strict();
export const TERM_CODE_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;

/** A coordinator renames, describes, switches off or adds a term; codes never change once used. */
export const saveTermInput = z
  .object({
    taxonomy: z.enum(['nrm_service_types', 'nrm_target_groups']),
    code: z.string().regex(TERM_CODE_PATTERN),
    parent: z.string().regex(TERM_CODE_PATTERN).nullable().optional(),
    name: labelsInput(120),
    description: labelsInput(500),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((t) => t.parent !== t.code, { params: { code: 'own_parent' }, path: ['parent'] });

const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/directory/services: every filter narrows (AND). */
export const serviceSearchQuery = z
  .object({
    q: z.string().max(200).optional(),
    serviceType: z.string().max(60).optional(),
    region: coveragePcode.optional(),
    targetGroup: z.string().max(60).optional(),
    cost: z.enum(COST_KINDS).optional(),
    language: languageCode.optional(),
    openNow: booleanFlag.optional(),
    /** One organisation's entries (a focal point's own list). */
    organisationId: z.uuid().optional(),
    /** Only entries due for verification (never verified, or longer ago than the stale period). */
    stale: booleanFlag.optional(),
    includeInactive: booleanFlag.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    perPage: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ServiceSearchQuery = z.infer<typeof serviceSearchQuery>;
