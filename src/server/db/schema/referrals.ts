import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, consentOverrides } from './cases.ts';
import { directoryLocations, directoryServices } from './directory.ts';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A referral of a case to a service of another (or the same) organisation. The receiver reads
 * it through the minimal data set, computed from the case at read time so that a withdrawn
 * consent hides the name at once; the free texts (reason, notes) are encrypted under the case's
 * data key, so erasing the person shreds them too.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    /** `REF-7K3M-Q9` style: printed on the paper form, given on the phone; not the case code. */
    referenceCode: text('reference_code').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    locationId: uuid('location_id').references(() => directoryLocations.id),
    serviceType: text('service_type').notNull(),
    urgency: text('urgency').notNull(),
    state: text('state').notNull(),
    /** Why the receiver may see the minimal data: the person's consent, or an override. */
    basis: text('basis').notNull(),
    overrideId: uuid('override_id').references(() => consentOverrides.id),
    /** The referrer asked to give name and phone (shown only while consent covers it). */
    shareIdentity: boolean('share_identity').notNull(),
    onPaper: boolean('on_paper').notNull(),
    /** AES-256-GCM under the case's data key; null once the person is erased. */
    reason: text('reason'),
    /** Copied from the case, so the inbox and statistics need no join to identifying tables. */
    regionPcode: text('region_pcode').notNull(),
    sentAt: ts('sent_at').notNull(),
    answerDueAt: ts('answer_due_at').notNull(),
    answeredAt: ts('answered_at'),
    closedAt: ts('closed_at'),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull(),
    /** Bumped by every transition: two answers racing cannot both apply. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('referrals_reference_code_idx').on(t.referenceCode),
    index('referrals_case_idx').on(t.caseId, t.sentAt),
    // The inbox and the sent list: one organisation's referrals by state and deadline. `sent_at`
    // is carried so the tab counts (due soon needs it) are read from the index alone: measured
    // at 1,000,000 referrals, the counts otherwise read a table page per referral (BENCHMARKS.md).
    index('referrals_inbox_idx').on(t.toOrganisationId, t.state, t.answerDueAt, t.sentAt),
    index('referrals_outgoing_idx').on(t.fromOrganisationId, t.state, t.answerDueAt, t.sentAt),
    // The closed tab, latest first, without sorting an organisation's whole history.
    index('referrals_inbox_closed_idx').on(t.toOrganisationId, t.closedAt.desc(), t.id.desc()),
    index('referrals_outgoing_closed_idx').on(t.fromOrganisationId, t.closedAt.desc(), t.id.desc()),
    index('referrals_escalated_idx')
      .on(t.escalatedAt)
      .where(sql`${t.escalatedAt} is not null and ${t.state} = 'overdue'`),
    check('referrals_state_check', sql`${t.state} in ('sent','overdue','accepted','declined','cancelled','in_progress','completed','not_completed')`),
    check('referrals_urgency_check', sql`${t.urgency} in ('emergency','urgent','normal')`),
    check('referrals_basis_check', sql`${t.basis} in ('consent','override')`),
  ],
);

/** Every step of a referral, for both sides' timelines and the statistics' times. */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    side: text('side').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** A reason or outcome note, encrypted under the case's data key. */
    note: text('note'),
    at: ts('at').notNull(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at), check('referral_events_side_check', sql`${t.side} in ('referrer','receiver','system')`)],
);

/** A coordinator's pathway for one target group (the defaults apply until one is saved). */
export const referralPathways = pgTable('referral_pathways', {
  targetGroup: text('target_group').primaryKey(),
  /** The pathway as `pathwaySchema` accepts it. */
  definition: jsonb('definition').notNull(),
  version: integer('version').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull(),
});
