import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity.ts';
import { organisations } from './organisations.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Community activities (forums, workshops, trainings…). The activity itself holds no personal
 * data: facilitators are staff named in a public programme. Participants are in their own
 * table, named only with their consent and then sealed; anonymous head counts in another.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    /** The organisation that runs it: its officers edit it; others among the organisers read it. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    state: text('state').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    locationPcode: text('location_pcode').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** Objectives, themes, audiences, venue, organisers, facilitators, programme: activitySchema's output minus the columns above. */
    details: jsonb('details').notNull(),
    /** Every organisation among the organisers (owner included), for "activities I take part in" without opening the JSON. */
    organiserIds: jsonb('organiser_ids').notNull(),
    attendanceMode: text('attendance_mode').notNull().default('named'),
    /** Form keys of the questionnaires used (forms engine); null when none. */
    knowledgeTestFormKey: text('knowledge_test_form_key'),
    satisfactionFormKey: text('satisfaction_form_key'),
    /** Editable texts of the report. */
    summary: text('summary').notNull().default(''),
    recommendations: text('recommendations').notNull().default(''),
    cancelReason: text('cancel_reason'),
    /** The activity it was built from ("the next forum from the last one"). */
    basedOnActivityId: uuid('based_on_activity_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    heldAt: ts('held_at'),
    reportedAt: ts('reported_at'),
    /** Bumped by every change: an edit names the version it started from (409 when stale). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('activities_organisation_start_idx').on(t.organisationId, t.startDate),
    index('activities_start_idx').on(t.startDate),
    check('activities_state_check', sql`${t.state} in ('planned','confirmed','held','reported','cancelled')`),
    check('activities_attendance_mode_check', sql`${t.attendanceMode} in ('named','anonymous')`),
    check('activities_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * A named participant: a pseudonymous code (printed on the sheet and the tests), sex, age band,
 * category, days present. The name is kept only with consent, sealed by the secret box.
 */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    participantCode: text('participant_code').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band').notNull(),
    category: text('category').notNull(),
    consentToBeNamed: boolean('consent_to_be_named').notNull(),
    /** Secret box, context `activity-participant:<id>`; null without consent. */
    nameSealed: text('name_sealed'),
    /** Days present (1 = start date), sorted. */
    days: jsonb('days').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('activity_participants_code_idx').on(t.activityId, t.participantCode), check('activity_participants_named_check', sql`${t.consentToBeNamed} or ${t.nameSealed} is null`)],
);

/** Anonymous attendance: how many came on a day, by sex × age band × category. */
export const activityHeadCounts = pgTable(
  'activity_head_counts',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    day: integer('day').notNull(),
    sex: text('sex').notNull(),
    ageBand: text('age_band').notNull(),
    category: text('category').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.day, t.sex, t.ageBand, t.category] }), check('activity_head_counts_count_check', sql`${t.count} >= 0`)],
);

/**
 * A questionnaire filled in for an activity: a knowledge test before or after, or a
 * satisfaction survey. Answers follow the form version they were entered with; the score is
 * computed by the server at entry. A participant code links a pre and a post test, never a name.
 */
export const activityEvaluations = pgTable(
  'activity_evaluations',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    kind: text('kind').notNull(),
    participantCode: text('participant_code'),
    formKey: text('form_key').notNull(),
    formVersion: integer('form_version').notNull(),
    answers: jsonb('answers').notNull(),
    /** Points as the form gives them (a question may be worth half a point). */
    score: doublePrecision('score'),
    maxScore: doublePrecision('max_score'),
    /** Filled in on Sira by the participant, or typed in from a paper test. */
    source: text('source').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('activity_evaluations_activity_idx').on(t.activityId, t.kind),
    check('activity_evaluations_kind_check', sql`${t.kind} in ('pre','post','satisfaction')`),
    check('activity_evaluations_source_check', sql`${t.source} in ('online','paper')`),
  ],
);

/**
 * The library to build the next activity from the last one: themes, group exercises and
 * questionnaires (a questionnaire item points at a form of the forms engine by its key).
 * Shipped items have a stable `builtin_key`; texts are by language code like forms' titles.
 */
export const activityLibraryItems = pgTable(
  'activity_library_items',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    builtinKey: text('builtin_key'),
    /** { fr: "…", en?: "…", bm?: "…" } */
    title: jsonb('title').notNull(),
    description: jsonb('description').notNull(),
    /** Exercise: { exerciseType, instructions, materials }; questionnaire: { formKey, role }; theme: {}. */
    content: jsonb('content').notNull(),
    /** Suggested audiences, to filter the library. */
    audiences: jsonb('audiences').notNull(),
    archivedAt: ts('archived_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('activity_library_builtin_idx').on(t.builtinKey), check('activity_library_kind_check', sql`${t.kind} in ('theme','exercise','questionnaire')`)],
);
