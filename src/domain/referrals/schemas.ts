import { z } from 'zod';
import { OVERRIDE_REASON_MIN } from '../cases/disclosure.ts';
import { TERM_CODE_PATTERN } from '../directory/schemas.ts';
import { REFERRAL_EVENTS, REFERRAL_SIDES, REFERRAL_STATES, URGENCIES } from './lifecycle.ts';

/**
 * What crosses the wire for referrals: the commands' inputs and the views the server presents.
 * Shared by server and browser, so a form validates exactly what the server will.
 */

/** A short reason: what the receiver needs to act, never the person's story. */
export const REFERRAL_REASON_MAX = 500;
export const REFERRAL_NOTE_MAX = 1000;

const serviceTypeCode = z.string().regex(TERM_CODE_PATTERN);
const overrideInput = z.object({ reason: z.string().trim().min(OVERRIDE_REASON_MIN).max(2000) }).strict();

export const createReferralInput = z
  .object({
    /** Chosen by the client, so a retry after a lost answer creates one referral. */
    referralId: z.uuid(),
    caseId: z.uuid(),
    /** A service of the directory; its organisation is the receiver. */
    serviceId: z.uuid(),
    /** One of the service's places, when it has several. */
    locationId: z.uuid().nullable().default(null),
    /** What is asked for: one of the service's types. */
    serviceType: serviceTypeCode,
    urgency: z.enum(URGENCIES),
    reason: z.string().trim().min(1).max(REFERRAL_REASON_MAX),
    /**
     * Ask to give the receiver the person's name and phone. Honoured only when the person's
     * consent covers that organisation and service type; an override never carries them.
     */
    shareIdentity: z.boolean().default(false),
    /** The receiver works on paper: the referrer prints the form and records the outcome. */
    onPaper: z.boolean().default(false),
    override: overrideInput.optional(),
  })
  .strict();
export type CreateReferralInput = z.input<typeof createReferralInput>;

export const createReferralResult = z.object({
  referralId: z.uuid(),
  referenceCode: z.string(),
  basis: z.enum(['consent', 'override']),
  answerDueAt: z.string(),
});

/** The events a person triggers (the deadline is the system's). */
export const PERSON_EVENTS = ['accept', 'decline', 'cancel', 'start', 'complete', 'not_complete', 'record_paper_outcome'] as const;
export type PersonEvent = (typeof PERSON_EVENTS)[number];

export const transitionReferralInput = z
  .object({
    referralId: z.uuid(),
    /** Required for decline, not_complete and cancel; an outcome summary for complete. */
    note: z.string().trim().max(REFERRAL_NOTE_MAX).optional(),
    /** For record_paper_outcome only: what the paper said. */
    outcome: z.enum(['completed', 'not_completed']).optional(),
  })
  .strict();
export type TransitionReferralInput = z.input<typeof transitionReferralInput>;

export const transitionReferralResult = z.object({ referralId: z.uuid(), state: z.enum(REFERRAL_STATES) });

/** The minimal data set as the receiver sees it (DOMAIN.md §4). */
export const minimalReferralDataView = z.object({
  caseCode: z.string(),
  ageBand: z.string(),
  sex: z.string(),
  language: z.string().nullable(),
  /** Admin-1 name, in the clear columns of the case. */
  region: z.string(),
  isChild: z.boolean(),
  /** Only when consent to this organisation covers it now (a withdrawal hides them at once). */
  name: z.string().nullable(),
  phone: z.string().nullable(),
  /** A child's caregiver, always given for a child. */
  caregiverContact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type MinimalReferralData = z.output<typeof minimalReferralDataView>;

export const referralSummaryView = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  state: z.enum(REFERRAL_STATES),
  urgency: z.enum(URGENCIES),
  serviceType: z.string(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  locationName: z.string().nullable(),
  fromOrganisationId: z.uuid(),
  fromOrganisationName: z.string(),
  toOrganisationId: z.uuid(),
  toOrganisationName: z.string(),
  onPaper: z.boolean(),
  sentAt: z.string(),
  answerDueAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Unanswered and in the last quarter of its answer time (when the reminder goes). */
  dueSoon: z.boolean(),
  /** Clear columns of the case, for the inbox: no name. */
  ageBand: z.string(),
  sex: z.string(),
  regionPcode: z.string(),
  /** The referrer's side only (the receiver gets it in the detail). */
  caseCode: z.string().nullable(),
  caseId: z.uuid().nullable(),
});
export type ReferralSummary = z.output<typeof referralSummaryView>;

export const referralEventView = z.object({
  event: z.enum([...REFERRAL_EVENTS, 'create']),
  fromState: z.enum(REFERRAL_STATES).nullable(),
  toState: z.enum(REFERRAL_STATES),
  side: z.enum(REFERRAL_SIDES),
  at: z.string(),
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
  note: z.string().nullable(),
});
export type ReferralEventView = z.output<typeof referralEventView>;

export const referralDetailView = z.object({
  referral: referralSummaryView,
  /** Who is looking: the screen offers the actions of that side only. */
  side: z.enum(['referrer', 'receiver']),
  data: minimalReferralDataView,
  reason: z.string(),
  basis: z.enum(['consent', 'override']),
  allowedEvents: z.array(z.enum(PERSON_EVENTS)),
  events: z.array(referralEventView),
});
export type ReferralDetail = z.output<typeof referralDetailView>;

export const INBOX_VIEWS = ['new', 'due_soon', 'overdue', 'open', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const referralListQuery = z
  .object({
    view: z.enum(INBOX_VIEWS).default('open'),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    perPage: z.coerce.number().int().min(1).max(100).default(25),
    lang: z.string().optional(),
  })
  .strict();

export const referralPageView = z.object({
  items: z.array(referralSummaryView),
  /** How many in each view, for the tabs' badges. */
  counts: z.record(z.enum(INBOX_VIEWS), z.number().int()),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
});
export type ReferralPage = z.output<typeof referralPageView>;

/** The coordinator's view of an overdue referral: organisations and times, never the person. */
export const escalationView = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  state: z.enum(REFERRAL_STATES),
  urgency: z.enum(URGENCIES),
  serviceType: z.string(),
  serviceName: z.string(),
  fromOrganisationName: z.string(),
  toOrganisationName: z.string(),
  regionPcode: z.string(),
  sentAt: z.string(),
  answerDueAt: z.string(),
  escalatedAt: z.string(),
});
export type EscalationItem = z.output<typeof escalationView>;

export { overrideInput as referralOverrideInput };
export { serviceTypeCode as referralServiceTypeCode };
