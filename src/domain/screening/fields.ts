/**
 * The questions of the shipped screening forms that `screeningOutcome` reads, apart from the
 * definitions so that the outcome (which the registration screen runs) does not carry the
 * whole questionnaires. A test checks each name against its form.
 */

export const VULNERABILITY_FIELDS = {
  immediateDanger: 'immediate_danger',
  urgentMedical: 'urgent_medical',
  disability: 'disability',
  migrationSituation: 'migration_situation',
  gbvDisclosed: 'gbv_disclosed',
  riskFactors: ['individual_risks', 'household_risks', 'community_risks', 'structural_risks'],
  protectiveFactors: ['individual_strengths', 'household_strengths', 'community_strengths', 'structural_strengths'],
} as const;

export const TRAFFICKING_FIELDS = {
  exploitationTypes: 'exploitation_types',
  underControl: 'under_control',
  assessment: 'trafficking_assessment',
} as const;

export const CHILD_FIELDS = {
  ageBasis: 'age_basis',
  appearsUnder18: 'appears_under_18',
  withParents: 'with_parents',
  withRelatives: 'with_relatives',
  withCaregiver: 'with_caregiver',
} as const;
