import { z } from 'zod';
import { AGE_BANDS, SEXES } from '../cases/identity.ts';
import { ACTIVITY_TYPES, activitySchema, AUDIENCES, EXERCISE_TYPES } from './activity.ts';
import { ATTENDANCE_MODES, headCountSchema, namedParticipantSchema, PARTICIPANT_CATEGORIES } from './attendance.ts';
import { ACTIVITY_EVENTS, ACTIVITY_STATES } from './lifecycle.ts';

/**
 * THE API SHAPES of community activities: command inputs and results, and the views that
 * leave the server. The web imports its types from here; the server validates with them.
 */

const formKey = z.string().trim().min(1).max(100);
const version = z.number().int().min(1);

/** Plan an activity. The running organisation is the actor's own unless a coordinator names another. */
export const createActivityInput = z
  .object({
    activity: activitySchema,
    organisationId: z.uuid().optional(),
    attendanceMode: z.enum(ATTENDANCE_MODES).default('named'),
    knowledgeTestFormKey: formKey.nullable().default(null),
    satisfactionFormKey: formKey.nullable().default(null),
    /** Built from this earlier activity (the UI copied its programme). */
    basedOnActivityId: z.uuid().nullable().default(null),
  })
  .strict();
export const createActivityResult = z.object({ activityId: z.uuid(), version });

/** Replace the plan (fields, programme with group outputs, questionnaires). Not once reported or cancelled. */
export const updateActivityInput = z
  .object({
    activityId: z.uuid(),
    expectedVersion: version,
    activity: activitySchema,
    /** Changing it is refused once attendance is recorded in the other mode. */
    attendanceMode: z.enum(ATTENDANCE_MODES),
    knowledgeTestFormKey: formKey.nullable(),
    satisfactionFormKey: formKey.nullable(),
  })
  .strict();
export const activityVersionResult = z.object({ activityId: z.uuid(), version });

/** The report's editable texts; group outputs are in the programme (update). */
export const updateActivityReportTextsInput = z
  .object({
    activityId: z.uuid(),
    expectedVersion: version,
    summary: z.string().trim().max(20_000),
    recommendations: z.string().trim().max(20_000),
  })
  .strict();

/** confirm / hold / report / cancel: one command each, `activity.<event>`. A reason is required to cancel. */
export const transitionActivityInput = z
  .object({ activityId: z.uuid(), expectedVersion: version, reason: z.string().trim().min(1).max(2000).optional() })
  .strict();
export const transitionActivityResult = z.object({ activityId: z.uuid(), state: z.enum(ACTIVITY_STATES), version });

/** Change one named participant, found by its code (a new code is added). */
export const saveParticipantInput = z
  .object({
    activityId: z.uuid(),
    participant: namedParticipantSchema,
  })
  .strict();
export const saveParticipantResult = z.object({ participantCode: z.string() });

/** Register a participant on the spot: the server draws the code, to be written on the person's tests. */
export const newParticipantInput = z
  .object({
    activityId: z.uuid(),
    sex: z.enum(SEXES),
    ageBand: z.enum(AGE_BANDS),
    category: z.enum(PARTICIPANT_CATEGORIES),
    consentToBeNamed: z.boolean(),
    name: z.string().trim().min(1).max(120).optional(),
    days: z.array(z.number().int().min(1).max(31)).max(31).default([]),
  })
  .strict();

export const removeParticipantInput = z.object({ activityId: z.uuid(), participantCode: z.string().max(40) }).strict();

/** The roll call of one day: exactly these codes were present that day (others absent). */
export const markAttendanceInput = z
  .object({ activityId: z.uuid(), day: z.number().int().min(1).max(31), presentCodes: z.array(z.string().max(40)).max(5000) })
  .strict();

/** Replace all anonymous head counts of the activity. */
export const setHeadCountsInput = z.object({ activityId: z.uuid(), counts: z.array(headCountSchema).max(5000) }).strict();

/** A filled sheet read from Excel: every row valid, or nothing changes. Existing codes are updated. */
export const importAttendanceInput = z
  .object({ activityId: z.uuid(), participants: z.array(namedParticipantSchema).max(5000) })
  .strict();
export const importAttendanceResult = z.object({ added: z.number().int(), updated: z.number().int() });

export const EVALUATION_KINDS = ['pre', 'post', 'satisfaction'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_SOURCES = ['online', 'paper'] as const;

/** One questionnaire filled in: answers to the activity's form (its published version), scored by the server. */
export const recordEvaluationInput = z
  .object({
    activityId: z.uuid(),
    kind: z.enum(EVALUATION_KINDS),
    participantCode: z.string().max(40).nullable(),
    formVersion: version,
    answers: z.record(z.string(), z.unknown()),
    source: z.enum(EVALUATION_SOURCES),
  })
  .strict();
export const recordEvaluationResult = z.object({ evaluationId: z.uuid(), score: z.number().nullable(), maxScore: z.number().nullable() });
export const deleteEvaluationInput = z.object({ activityId: z.uuid(), evaluationId: z.uuid() }).strict();

// ---- Views ----

export const activitySummaryView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  type: z.enum(ACTIVITY_TYPES),
  title: z.string(),
  state: z.enum(ACTIVITY_STATES),
  locationPcode: z.string(),
  venue: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  /** Distinct participants (named) or the busiest day (anonymous). */
  participants: z.number().int(),
});
export type ActivitySummaryView = z.infer<typeof activitySummaryView>;

export const ACTIVITY_LIST_VIEWS = ['upcoming', 'past', 'all'] as const;
export const activityListQuery = z.object({
  view: z.enum(ACTIVITY_LIST_VIEWS).default('upcoming'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(100).default(25),
});
export const activityPageView = z.object({ items: z.array(activitySummaryView), total: z.number().int(), page: z.number().int(), perPage: z.number().int() });
export type ActivityPageView = z.infer<typeof activityPageView>;

export const activityDetailView = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  state: z.enum(ACTIVITY_STATES),
  version,
  /** The plan as stored (activitySchema's output). */
  activity: z.unknown(),
  attendanceMode: z.enum(ATTENDANCE_MODES),
  knowledgeTestFormKey: z.string().nullable(),
  satisfactionFormKey: z.string().nullable(),
  summary: z.string(),
  recommendations: z.string(),
  cancelReason: z.string().nullable(),
  basedOnActivityId: z.uuid().nullable(),
  /** What the caller may do now: lifecycle events, and whether they may edit at all. */
  allowedEvents: z.array(z.enum(ACTIVITY_EVENTS)),
  canManage: z.boolean(),
  /** attendanceTotals(): per day and overall, disaggregated. */
  attendance: z.unknown(),
  evaluationCounts: z.object({ pre: z.number().int(), post: z.number().int(), satisfaction: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityDetailView = z.infer<typeof activityDetailView>;

export const participantView = z.object({
  participantCode: z.string(),
  sex: z.enum(SEXES),
  ageBand: z.enum(AGE_BANDS),
  category: z.enum(PARTICIPANT_CATEGORIES),
  consentToBeNamed: z.boolean(),
  /** Only to the running organisation's officers, only with consent. */
  name: z.string().nullable(),
  days: z.array(z.number().int()),
});
export type ParticipantView = z.infer<typeof participantView>;

export const evaluationView = z.object({
  id: z.uuid(),
  kind: z.enum(EVALUATION_KINDS),
  participantCode: z.string().nullable(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  source: z.enum(EVALUATION_SOURCES),
  createdAt: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationView>;

// ---- Library ----

export const LIBRARY_KINDS = ['theme', 'exercise', 'questionnaire'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];
export const QUESTIONNAIRE_ROLES = ['knowledge_test', 'satisfaction'] as const;

/** Texts by language code: French always, others when translated. */
export const localizedText = (max: number) =>
  z
    .object({ fr: z.string().trim().min(1).max(max) })
    .catchall(z.string().trim().max(max))
    .refine((o) => Object.keys(o).every((k) => /^[a-z]{2,3}$/.test(k)), { params: { code: 'language_code_invalid' } });

export const libraryContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('theme') }).strict(),
  z.object({ kind: z.literal('exercise'), exerciseType: z.enum(EXERCISE_TYPES), instructions: z.string().trim().max(4000).default(''), materials: z.array(z.string().trim().min(1).max(200)).max(30).default([]) }).strict(),
  z.object({ kind: z.literal('questionnaire'), formKey, role: z.enum(QUESTIONNAIRE_ROLES) }).strict(),
]);

export const saveLibraryItemInput = z
  .object({
    /** Absent: a new item. */
    itemId: z.uuid().optional(),
    expectedVersion: version.optional(),
    title: localizedText(200),
    description: localizedText(4000).or(z.object({}).strict()).default({}),
    content: libraryContent,
    /** Suggested audiences, for filtering the library. */
    audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).default([]),
  })
  .strict();
export const archiveLibraryItemInput = z.object({ itemId: z.uuid(), archived: z.boolean() }).strict();

export const libraryItemView = z.object({
  id: z.uuid(),
  kind: z.enum(LIBRARY_KINDS),
  builtinKey: z.string().nullable(),
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
  content: z.unknown(),
  audiences: z.array(z.enum(AUDIENCES)),
  archived: z.boolean(),
  version,
});
export type LibraryItemView = z.infer<typeof libraryItemView>;
