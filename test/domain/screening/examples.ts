import type { Answers } from '../../../src/domain/forms/answers.ts';

/**
 * Realistic filled screenings (synthetic), as an identifier would send them: answers pruned
 * of what did not apply, select_multiple as lists.
 */

/** A young woman stranded at a border post, who says she was deceived and made to work in a bar. */
export const strandedWoman: Answers = {
  immediate_danger: 'no',
  urgent_medical: 'no',
  disability: 'no',
  migration_situation: 'stranded',
  individual_risks: ['no_documents', 'no_money'],
  individual_strengths: ['good_health', 'has_phone'],
  household_risks: ['family_debt'],
  household_strengths: ['family_contact'],
  community_risks: ['no_network'],
  community_strengths: [],
  structural_risks: ['irregular_status'],
  structural_strengths: ['ecowas_citizen'],
  gbv_disclosed: 'not_asked',
};

export const deceivedWorker: Answers = {
  recruitment_deception: 'yes',
  recruited_by: 'intermediary',
  movement_indicators: ['journey_paid_by_other', 'journey_debt', 'documents_taken'],
  observed_indicators: ['fearful'],
  exploited: 'yes',
  exploitation_types: ['forced_labour', 'sexual_exploitation'],
  methods_of_control: ['debt_bondage', 'withholds_documents', 'takes_earnings'],
  under_control: 'no',
  trafficking_assessment: 'possible',
};

/** A boy travelling with an older cousin, age estimated. */
export const boyWithCousin: Answers = {
  age_basis: 'estimated',
  appears_under_18: 'yes',
  with_parents: 'no',
  parents_deceased: 'no',
  with_relatives: 'yes',
  caregiver_informed: 'no',
  immediate_needs: ['food', 'family_tracing'],
};

/** A returnee in good shape, with nothing pointing at trafficking. */
export const returningMan: Answers = {
  immediate_danger: 'no',
  urgent_medical: 'no',
  disability: 'no',
  migration_situation: 'returnee',
  individual_strengths: ['has_skills', 'has_documents'],
  household_strengths: ['family_support'],
  gbv_disclosed: 'no',
};

export const noTraffickingSigns: Answers = {
  recruitment_deception: 'no',
  movement_indicators: [],
  observed_indicators: [],
  exploited: 'no',
  trafficking_assessment: 'not_a_victim',
};

export const adultByLook: Answers = { age_basis: 'known', appears_under_18: 'no' };
