import { z } from 'zod';
import { CAPACITY_UNITS, COST_KINDS, LOCATION_TYPES, SERVICE_STATUSES, VISIBILITIES } from './schemas.ts';
import { WEEKDAYS } from './schedule.ts';

/**
 * What the directory API sends to signed-in members: explicit shapes, so a column added
 * to a table never leaves the server by itself. Term codes travel without labels; the
 * client has the taxonomies (GET /api/directory/taxonomies) and picks its language.
 */
const labels = z.object({ fr: z.string(), en: z.string(), bm: z.string() });

export const termView = z.object({
  id: z.uuid(),
  code: z.string(),
  parentCode: z.string().nullable(),
  name: labels,
  description: labels,
  active: z.boolean(),
});
export const taxonomyView = z.object({ id: z.uuid(), key: z.string(), name: labels, description: labels, version: z.string().nullable(), terms: z.array(termView) });
export type TaxonomyView = z.infer<typeof taxonomyView>;

const organisationRef = z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() });
const costView = z.object({ kind: z.enum(COST_KINDS), amount: z.number().nullable(), currency: z.string(), description: z.string().nullable() });
const phoneView = z.object({ number: z.string(), extension: z.number().nullable(), type: z.string().nullable(), description: z.string().nullable(), languages: z.array(z.string()) });
const scheduleView = z.object({ days: z.array(z.enum(WEEKDAYS)), opensAt: z.string(), closesAt: z.string(), notes: z.string().nullable() });
const capacityView = z.object({ unit: z.enum(CAPACITY_UNITS), available: z.number().int(), maximum: z.number().int().nullable(), description: z.string().nullable(), updatedAt: z.iso.datetime() });

export const serviceSummaryView = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: organisationRef,
  status: z.enum(SERVICE_STATUSES),
  serviceTypes: z.array(z.string()),
  targetGroups: z.array(z.string()),
  costKinds: z.array(z.enum(COST_KINDS)),
  languages: z.array(z.string()),
  coverage: z.array(z.string()),
  cities: z.array(z.string()),
  /** The first number, to call straight from a result list. */
  phone: z.string().nullable(),
  openNow: z.boolean(),
  lastVerifiedAt: z.iso.datetime().nullable(),
  stale: z.boolean(),
});
export type ServiceSummaryView = z.infer<typeof serviceSummaryView>;

export const servicePageView = z.object({
  items: z.array(serviceSummaryView),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});

export const locationView = z.object({
  id: z.uuid(),
  locationType: z.enum(LOCATION_TYPES),
  name: z.string().nullable(),
  description: z.string().nullable(),
  transportation: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  admin1Pcode: z.string().nullable(),
  admin2Pcode: z.string().nullable(),
  /** A safe house: its street address and coordinates go only to those who keep the entry (null for others). */
  confidential: z.boolean(),
  address: z
    .object({ address1: z.string().nullable(), address2: z.string().nullable(), city: z.string(), region: z.string().nullable(), stateProvince: z.string(), country: z.string() })
    .nullable(),
});

export const serviceDetailView = serviceSummaryView.extend({
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
  interpretationServices: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  feesDescription: z.string().nullable(),
  eligibilityDescription: z.string().nullable(),
  minimumAge: z.number().int().nullable(),
  maximumAge: z.number().int().nullable(),
  alert: z.string().nullable(),
  costs: z.array(costView),
  phones: z.array(phoneView),
  contacts: z.array(z.object({ name: z.string().nullable(), title: z.string().nullable(), department: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })),
  schedules: z.array(scheduleView),
  locations: z.array(locationView),
  capacity: capacityView.nullable(),
  updatedAt: z.iso.datetime(),
  /** Whether this member may edit the entry (the server still checks each command). */
  canEdit: z.boolean(),
});
export type ServiceDetailView = z.infer<typeof serviceDetailView>;
