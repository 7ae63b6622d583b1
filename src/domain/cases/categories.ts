/**
 * What a case is about, and how urgently. The categories follow the referral pathways'
 * target groups (the directory's `target_groups` taxonomy uses the same codes where they
 * overlap), so a case's category picks its pathway; the risk level follows the
 * inter-agency case-management model (high / medium / low sets the first-response deadline).
 */
export const CASE_CATEGORIES = [
  'victim_of_trafficking',
  'unaccompanied_separated_child',
  'other_vulnerable_child',
  'gbv_survivor',
  'stranded_migrant',
  'returnee',
  'other_vulnerable_migrant',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** HTCDS `vic_TraffickingStatus`. */
export const TRAFFICKING_STATUSES = ['possible', 'actual', 'not_a_victim'] as const;
export type TraffickingStatus = (typeof TRAFFICKING_STATUSES)[number];

/** Primero's `unaccompanied_separated_status`, plus "not a child". */
export const CHILD_STATUSES = ['unaccompanied', 'separated', 'other_vulnerable', 'not_a_child'] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

/** HTCDS `vic_TypeOfExploitation`, in snake case. */
export const EXPLOITATION_TYPES = [
  'forced_labour',
  'sexual_exploitation',
  'child_labour',
  'forced_marriage',
  'servitude',
  'forced_military',
  'organ_removal',
  'forced_begging',
  'forced_adoption',
  'surrogacy',
  'other',
] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** Migration situation recorded at identification (HTCDS guidance, trimmed to what Sira's users meet). */
export const MIGRATION_SITUATIONS = ['in_transit', 'stranded', 'returnee', 'deportee', 'internally_displaced', 'asylum_seeker_refugee', 'resident', 'other'] as const;
export type MigrationSituation = (typeof MIGRATION_SITUATIONS)[number];
