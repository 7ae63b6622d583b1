import {
  type CaseCategory,
  type ChildStatus,
  EXPLOITATION_TYPES,
  type ExploitationType,
  type RiskLevel,
  TRAFFICKING_STATUSES,
  type TraffickingStatus,
} from '../cases/categories.ts';
import { type AnswerValue, type Answers, selectedChoices } from '../forms/answers.ts';
import { CHILD_FIELDS, TRAFFICKING_FIELDS, VULNERABILITY_FIELDS } from './fields.ts';

/**
 * What the screening answers mean for the case: its category (which referral pathway) and
 * its risk level (how fast the first response must come: 24 h, 3 days, a week).
 *
 * Category: a case has one pathway, so the rules are tried in order of how specific and how
 * protective the pathway is. Trafficking comes first (it opens the NRM's own protections,
 * whatever the person's age); then unaccompanied or separated children (they need a
 * guardian and a best-interests procedure); then GBV survivors (a specialised, confidential
 * pathway); then any other child; then the migration situation.
 *
 * Who is a child: identification works on reasonable grounds with the benefit of the doubt
 * (UNODC, ICMPD), so a person is a child when under 18, when the child form says they look
 * it or their age is uncertain, or when the identity step marks the age uncertain and gives
 * none or one below `UNCERTAIN_AGE_LIMIT` (a 24-year-old can be a 17-year-old who lied).
 *
 * Risk: high for what cannot wait a day (danger now, an exploiter still in control, a child
 * alone, established trafficking, an urgent medical need) and for a person whose risk
 * factors far outweigh their protective ones (IOM's determinants model: vulnerability is the
 * balance of both); medium for what needs a response within days; low otherwise. A
 * disability counts as one risk factor. The thresholds are named below so that a country's
 * procedures can be compared with them.
 */

export interface ScreeningInput {
  vulnerability?: Answers | undefined;
  trafficking?: Answers | undefined;
  child?: Answers | undefined;
  /** From the identity step: age in years if known or estimated, and whether it is uncertain. */
  ageYears: number | null;
  ageUncertain: boolean;
}

export interface ScreeningOutcome {
  category: CaseCategory;
  riskLevel: RiskLevel;
  isChild: boolean;
  traffickingStatus: TraffickingStatus | null;
  childStatus: ChildStatus | null;
  exploitationTypes: ExploitationType[];
  /** Why, as stable codes (e.g. 'immediate_danger', 'unaccompanied_child', 'under_control'), for the screen to explain the result. */
  reasons: ScreeningReason[];
}

/** Every reason code, in the order the screen lists them; each has `cases.reason.<code>`. */
export const SCREENING_REASONS = [
  'actual_trafficking',
  'possible_trafficking',
  'under_control',
  'unaccompanied_child',
  'separated_child',
  'child',
  'age_uncertain',
  'gbv_disclosed',
  'immediate_danger',
  'urgent_medical_need',
  'many_risk_factors',
  'several_risk_factors',
  'stranded',
  'returnee',
  'deportee',
] as const;
export type ScreeningReason = (typeof SCREENING_REASONS)[number];

/** Age of majority (CRC art. 1). */
export const ADULT_AGE = 18;
/** Below this, a person whose age is uncertain is treated as a child. */
export const UNCERTAIN_AGE_LIMIT = 25;
/** At least this many risk factors… */
export const MANY_RISK_FACTORS = 5;
/** …with at most this many protective ones make the risk high. */
export const FEW_PROTECTIVE_FACTORS = 1;
/** At least this many risk factors make the risk at least medium, whatever protects. */
export const SEVERAL_RISK_FACTORS = 3;

const one = (answers: Answers | undefined, name: string): string | null => {
  const value = answers?.[name];
  const picked = selectedChoices(value as AnswerValue | undefined);
  return picked.length === 1 ? picked[0]! : null;
};
const many = (answers: Answers | undefined, name: string): string[] => selectedChoices(answers?.[name] as AnswerValue | undefined);
const isYes = (answers: Answers | undefined, name: string): boolean => one(answers, name) === 'yes';

const isOneOf = <T extends string>(list: readonly T[], value: string | null): value is T => value !== null && (list as readonly string[]).includes(value);

/** The child form's own decision: its `is_child` calculation. */
function childFormSaysChild(child: Answers | undefined): boolean {
  return one(child, CHILD_FIELDS.ageBasis) === 'uncertain' || isYes(child, CHILD_FIELDS.appearsUnder18);
}

/** Inter-agency definitions, as the child form's `child_status` calculation; null when not answered. */
function uascStatus(child: Answers | undefined): ChildStatus | null {
  const withParents = one(child, CHILD_FIELDS.withParents);
  if (withParents === 'yes') return 'other_vulnerable';
  if (withParents !== 'no') return null;
  if (isYes(child, CHILD_FIELDS.withRelatives) || isYes(child, CHILD_FIELDS.withCaregiver)) return 'separated';
  return one(child, CHILD_FIELDS.withCaregiver) === 'no' ? 'unaccompanied' : null;
}

export function screeningOutcome(input: ScreeningInput): ScreeningOutcome {
  const { vulnerability, trafficking, child } = input;
  const reasons = new Set<ScreeningReason>();

  const byAge = input.ageYears !== null && input.ageYears < ADULT_AGE;
  const byUncertainAge = input.ageUncertain && (input.ageYears === null || input.ageYears < UNCERTAIN_AGE_LIMIT);
  const formChild = childFormSaysChild(child);
  const isChild = byAge || byUncertainAge || formChild;
  const ageUncertain = (byUncertainAge || one(child, CHILD_FIELDS.ageBasis) === 'uncertain') && !byAge;

  const assessed = one(trafficking, TRAFFICKING_FIELDS.assessment);
  const traffickingStatus = isOneOf(TRAFFICKING_STATUSES, assessed) ? assessed : null;
  const exploitationTypes = many(trafficking, TRAFFICKING_FIELDS.exploitationTypes).filter((x): x is ExploitationType => isOneOf(EXPLOITATION_TYPES, x));
  const underControl = isYes(trafficking, TRAFFICKING_FIELDS.underControl);

  // An adult has no child status; a child whose carers were not asked (the form judged them
  // adult, the identity step did not) has none known.
  const childStatus: ChildStatus | null = child === undefined ? null : isChild ? uascStatus(child) : 'not_a_child';

  const gbv = one(vulnerability, VULNERABILITY_FIELDS.gbvDisclosed) === 'yes';
  const situation = one(vulnerability, VULNERABILITY_FIELDS.migrationSituation);

  let category: CaseCategory;
  if (traffickingStatus === 'actual' || traffickingStatus === 'possible') {
    category = 'victim_of_trafficking';
  } else if (childStatus === 'unaccompanied' || childStatus === 'separated') {
    category = 'unaccompanied_separated_child';
  } else if (gbv) {
    category = 'gbv_survivor';
  } else if (isChild) {
    category = 'other_vulnerable_child';
  } else if (situation === 'stranded') {
    category = 'stranded_migrant';
  } else if (situation === 'returnee' || situation === 'deportee') {
    category = 'returnee';
  } else {
    category = 'other_vulnerable_migrant';
  }
  // Every fact that shaped the result is named, not only the one that chose the category.
  if (traffickingStatus === 'actual') reasons.add('actual_trafficking');
  if (traffickingStatus === 'possible') reasons.add('possible_trafficking');
  if (underControl) reasons.add('under_control');
  if (childStatus === 'unaccompanied') reasons.add('unaccompanied_child');
  if (childStatus === 'separated') reasons.add('separated_child');
  if (isChild && childStatus !== 'unaccompanied' && childStatus !== 'separated') reasons.add('child');
  if (isChild && ageUncertain) reasons.add('age_uncertain');
  if (gbv) reasons.add('gbv_disclosed');
  if (situation === 'stranded') reasons.add('stranded');
  if (situation === 'returnee') reasons.add('returnee');
  if (situation === 'deportee') reasons.add('deportee');

  const immediateDanger = isYes(vulnerability, VULNERABILITY_FIELDS.immediateDanger);
  const urgentMedical = isYes(vulnerability, VULNERABILITY_FIELDS.urgentMedical);
  if (immediateDanger) reasons.add('immediate_danger');
  if (urgentMedical) reasons.add('urgent_medical_need');
  const risks = VULNERABILITY_FIELDS.riskFactors.reduce((n, name) => n + many(vulnerability, name).length, 0) + (isYes(vulnerability, VULNERABILITY_FIELDS.disability) ? 1 : 0);
  const protective = VULNERABILITY_FIELDS.protectiveFactors.reduce((n, name) => n + many(vulnerability, name).length, 0);
  const manyRisks = risks >= MANY_RISK_FACTORS && protective <= FEW_PROTECTIVE_FACTORS;
  const severalRisks = !manyRisks && risks >= SEVERAL_RISK_FACTORS;
  if (manyRisks) reasons.add('many_risk_factors');
  if (severalRisks) reasons.add('several_risk_factors');

  const high = immediateDanger || underControl || childStatus === 'unaccompanied' || traffickingStatus === 'actual' || urgentMedical || manyRisks;
  const medium = traffickingStatus === 'possible' || childStatus === 'separated' || gbv || severalRisks;
  const riskLevel: RiskLevel = high ? 'high' : medium ? 'medium' : 'low';

  return {
    category,
    riskLevel,
    isChild,
    traffickingStatus,
    childStatus,
    exploitationTypes,
    reasons: SCREENING_REASONS.filter((r) => reasons.has(r)),
  };
}
