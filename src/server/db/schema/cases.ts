import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { formVersions } from './forms.ts';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A person's case. Identifying data lives only in `identity`, encrypted under the case's own
 * data key (`data_key`, itself sealed by the secret box): erasing a person deletes both, and a
 * key rotation re-seals only the small data keys. The other columns are what statistics and
 * lists need, in clear: never a name, a date of birth, a phone or a place of origin.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    caseCode: text('case_code').notNull(),
    /** open → merged (into another case) or anonymised (erased on request or at retention). */
    status: text('status').notNull().default('open'),
    category: text('category').notNull(),
    riskLevel: text('risk_level').notNull(),
    traffickingStatus: text('trafficking_status'),
    childStatus: text('child_status'),
    isChild: boolean('is_child').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band').notNull(),
    nationality: text('nationality'),
    preferredLanguage: text('preferred_language'),
    regionPcode: text('region_pcode').notNull(),
    /** Sealed by the secret box (context `case-key:<id>`); null once the person is erased. */
    dataKey: text('data_key'),
    /** The identity, AES-256-GCM under the data key; null once erased. */
    identity: text('identity'),
    /** A photo, if one was taken (content type and bytes), encrypted under the data key like the identity. */
    photo: text('photo'),
    registeredBy: uuid('registered_by').references(() => users.id),
    registeredAt: ts('registered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** Last time anyone worked on the case: retention counts from here. */
    lastActivityAt: ts('last_activity_at').notNull(),
    mergedInto: uuid('merged_into'),
    mergedAt: ts('merged_at'),
    anonymisedAt: ts('anonymised_at'),
  },
  (t) => [
    uniqueIndex('cases_case_code_idx').on(t.caseCode),
    index('cases_organisation_idx').on(t.organisationId, t.registeredAt),
    check('cases_status_check', sql`${t.status} in ('open','merged','anonymised')`),
    check('cases_risk_check', sql`${t.riskLevel} in ('high','medium','low')`),
  ],
);

/** One counter per country, region and year (`ML-KAY-2026`): no SQL sequence (decision 11). */
export const caseCodeCounters = pgTable('case_code_counters', {
  prefix: text('prefix').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Blind indexes: HMAC-SHA-256 of a normalised value under the blind-index key, so that equal
 * values are found without the database holding any of them. `kind` is `block` for duplicate
 * detection's blocking keys, `phone` and `document` for exact look-ups.
 */
export const caseBlindIndexes = pgTable(
  'case_blind_indexes',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    hmac: text('hmac').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.hmac, t.caseId] }), index('case_blind_indexes_case_idx').on(t.caseId)],
);

/** How many open cases bear each (HMAC of a) canonical name: a common name is weak evidence. */
export const dedupeNameCounts = pgTable(
  'dedupe_name_counts',
  {
    kind: text('kind').notNull(),
    hmac: text('hmac').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.hmac] })],
);

/** The blind-index key, sealed by the secret box: a rotation of the secret key re-seals it, indexes stay valid. */
export const blindIndexKeys = pgTable('blind_index_keys', {
  id: text('id').primaryKey(),
  sealed: text('sealed').notNull(),
  createdAt: ts('created_at').notNull(),
});

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    layer: text('layer').notNull(),
    decision: text('decision').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    serviceType: text('service_type'),
    givenBy: text('given_by').notNull(),
    childAssent: text('child_assent').notNull(),
    language: text('language').notNull(),
    givenAt: ts('given_at').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: ts('recorded_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
  },
  (t) => [
    index('consents_case_idx').on(t.caseId),
    check('consents_layer_check', sql`${t.layer} in ('services','disclosure','reporting')`),
    check('consents_decision_check', sql`${t.decision} in ('granted','refused')`),
  ],
);

/**
 * A disclosure consent did not cover, made by someone allowed to override, with a reason. The
 * reason is free text about a person, so it is encrypted under the case's data key.
 * Coordinators review every override (`reviewed_at`).
 */
export const consentOverrides = pgTable(
  'consent_overrides',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    serviceType: text('service_type'),
    reason: text('reason'),
    overriddenBy: uuid('overridden_by').references(() => users.id),
    overriddenAt: ts('overridden_at').notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
  },
  (t) => [index('consent_overrides_review_idx').on(t.reviewedAt, t.overriddenAt)],
);

/** Each disclosure of a case's data to another organisation: who, to whom, when, which fields, on what basis. */
export const disclosures = pgTable(
  'disclosures',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    serviceType: text('service_type'),
    fields: jsonb('fields').notNull(),
    basis: text('basis').notNull(),
    overrideId: uuid('override_id').references(() => consentOverrides.id),
    disclosedBy: uuid('disclosed_by').references(() => users.id),
    disclosedAt: ts('disclosed_at').notNull(),
  },
  (t) => [index('disclosures_case_idx').on(t.caseId), check('disclosures_basis_check', sql`${t.basis} in ('consent','override')`)],
);

/**
 * Answers to a questionnaire about a case (screening today), encrypted under the case's data
 * key: erasing the person makes them unreadable with everything else.
 */
export const formSubmissions = pgTable(
  'form_submissions',
  {
    id: uuid('id').primaryKey(),
    formId: uuid('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    answers: text('answers'),
    /** Scores and outcomes that statistics need (no free text). */
    summary: jsonb('summary'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at').notNull(),
  },
  (t) => [
    index('form_submissions_case_idx').on(t.caseId),
    index('form_submissions_form_idx').on(t.formId, t.formVersion),
    foreignKey({ columns: [t.formId, t.formVersion], foreignColumns: [formVersions.formId, formVersions.version] }),
  ],
);

/** "The same person may be held elsewhere": raised by an identifier, decided by a coordinator. */
export const caseLinkRequests = pgTable(
  'case_link_requests',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    otherCaseId: uuid('other_case_id')
      .notNull()
      .references(() => cases.id),
    score: real('score').notNull(),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('case_link_requests_status_idx').on(t.status, t.requestedAt),
    uniqueIndex('case_link_requests_pair_idx').on(t.caseId, t.otherCaseId),
    check('case_link_requests_status_check', sql`${t.status} in ('pending','merged','dismissed')`),
  ],
);
