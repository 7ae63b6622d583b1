import { z } from 'zod';
import { personIdentitySchema } from './identity.ts';

/** A case in a list: never identifying data (lists are read often and widely). */
export const caseSummaryView = z.object({
  id: z.uuid(),
  caseCode: z.string(),
  organisationId: z.uuid(),
  status: z.string(),
  category: z.string(),
  riskLevel: z.string(),
  isChild: z.boolean(),
  sex: z.string(),
  ageBand: z.string(),
  regionPcode: z.string(),
  registeredAt: z.string(),
  mergedInto: z.uuid().nullable(),
});
export type CaseSummary = z.output<typeof caseSummaryView>;

export const consentView = z.object({
  id: z.uuid(),
  layer: z.string(),
  decision: z.string(),
  organisationId: z.uuid().nullable(),
  serviceType: z.string().nullable(),
  givenBy: z.string(),
  childAssent: z.string(),
  language: z.string(),
  givenAt: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});

export const screeningView = z.object({
  id: z.uuid(),
  formId: z.uuid(),
  formVersion: z.number().int(),
  kind: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  submittedAt: z.string(),
});

export const caseDetailView = caseSummaryView.extend({
  traffickingStatus: z.string().nullable(),
  childStatus: z.string().nullable(),
  nationality: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  /** Null once the person's identifying data has been erased. */
  identity: personIdentitySchema.nullable(),
  /** The photo itself is fetched from its own audited route. */
  hasPhoto: z.boolean(),
  consents: z.array(consentView),
  screenings: z.array(screeningView),
  disclosures: z.array(z.object({ id: z.uuid(), toOrganisationId: z.uuid(), serviceType: z.string().nullable(), fields: z.array(z.string()), basis: z.string(), disclosedAt: z.string() })),
  /** Cases merged into this one: their histories belong to this person too. */
  mergedCases: z.array(z.object({ id: z.uuid(), caseCode: z.string(), organisationId: z.uuid() })),
  anonymisedAt: z.string().nullable(),
});
export type CaseDetail = z.output<typeof caseDetailView>;

/** What a duplicate check says: the identifier's own organisation's cases by code; another's only by organisation. */
export const duplicateCandidateView = z.discriminatedUnion('heldBy', [
  z.object({ heldBy: z.literal('own'), caseId: z.uuid(), caseCode: z.string(), likely: z.boolean() }),
  z.object({ heldBy: z.literal('other'), organisationId: z.uuid(), organisationName: z.string(), likely: z.boolean(), token: z.string() }),
]);
export type DuplicateCandidateView = z.output<typeof duplicateCandidateView>;

export const linkRequestView = z.object({
  id: z.uuid(),
  status: z.string(),
  score: z.number(),
  requestedAt: z.string(),
  requesting: z.object({ id: z.uuid(), caseCode: z.string(), organisationId: z.uuid(), organisationName: z.string() }),
  other: z.object({ id: z.uuid(), caseCode: z.string(), organisationId: z.uuid(), organisationName: z.string() }),
});

export const linkComparisonView = linkRequestView.extend({
  requestingCase: caseSummaryView.extend({ identity: personIdentitySchema.nullable() }),
  otherCase: caseSummaryView.extend({ identity: personIdentitySchema.nullable() }),
});

export const consentOverrideView = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  caseCode: z.string(),
  organisationId: z.uuid(),
  toOrganisationId: z.uuid(),
  serviceType: z.string().nullable(),
  reason: z.string().nullable(),
  overriddenAt: z.string(),
  reviewedAt: z.string().nullable(),
});
