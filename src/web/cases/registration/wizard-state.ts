import { z } from 'zod';
import { caseRegions } from '../../../domain/cases/case-code.ts';
import { type ChildAssent, type ConsentDecision, type ConsentGiver, consentGiverProblem } from '../../../domain/cases/consent.ts';
import { type PersonIdentity, ageInYears, caseStatsSchema, identityDocumentSchema, personIdentitySchema } from '../../../domain/cases/identity.ts';
import type { Answers } from '../../../domain/forms/answers.ts';
import type { SCREENING_FORM_KEYS } from '../../../domain/screening/forms/index.ts';
import { screeningOutcome } from '../../../domain/screening/outcome.ts';

/**
 * The registration wizard's state, kept whole in memory and in an IndexedDB draft: plain
 * strings as the fields hold them, turned into the `case.register` input only when sent.
 * Pure, so the steps' rules are tested without a browser.
 */
export const STEPS = ['identity', 'duplicates', 'screening', 'consent', 'review'] as const;
export type Step = (typeof STEPS)[number];

export type ScreeningKind = keyof typeof SCREENING_FORM_KEYS;
export const SCREENING_KINDS: readonly ScreeningKind[] = ['vulnerability', 'trafficking', 'child'];

export interface DocumentValues {
  type: string;
  number: string;
}

/** Step (a) as its fields hold it. */
export interface IdentityValues {
  regionPcode: string;
  givenName: string;
  familyName: string;
  /** Other names, separated by commas (one box is quicker on a phone than a list). */
  aliases: string;
  dateOfBirth: string;
  estimatedAge: string;
  ageUncertain: boolean;
  sex: string;
  nationality: string;
  preferredLanguage: string;
  phone: string;
  motherName: string;
  placeOfOrigin: string;
  documents: DocumentValues[];
  caregiverName: string;
  caregiverPhone: string;
}

export type Decision = '' | 'granted' | 'refused';

export interface DisclosureLine {
  organisationId: string;
  serviceType: string;
  decision: Decision;
}

export interface ConsentValues {
  services: Decision;
  disclosureAny: Decision;
  disclosureLines: DisclosureLine[];
  reporting: Decision;
  givenBy: '' | ConsentGiver;
  childAssent: ChildAssent;
  language: string;
  /** When the consent step was completed: the consent's date, a little before the command reaches the server. */
  givenAt: string;
}

export type DuplicateCandidate =
  | { heldBy: 'own'; caseId: string; caseCode: string; likely: boolean }
  | { heldBy: 'other'; organisationId: string; organisationName: string; likely: boolean; token: string };

export interface WizardState {
  /** Chosen once, so that sending again after a lost answer registers the person once. */
  caseId: string;
  commandId: string;
  step: Step;
  identity: IdentityValues;
  /** The last duplicate check's answer, or null before it ran. */
  candidates: DuplicateCandidate[] | null;
  /** Tokens of the other organisations' records the coordinator is asked to compare. */
  linkTo: string[];
  screening: Partial<Record<ScreeningKind, Answers>>;
  /** What the screening step let through: the forms filled, pruned of what does not apply. */
  submissions: ScreeningSubmission[];
  consent: ConsentValues;
}

export interface ScreeningSubmission {
  formId: string;
  version: number;
  kind: ScreeningKind;
  answers: Answers;
}

export function emptyIdentity(): IdentityValues {
  return {
    regionPcode: '',
    givenName: '',
    familyName: '',
    aliases: '',
    dateOfBirth: '',
    estimatedAge: '',
    ageUncertain: false,
    sex: '',
    nationality: '',
    preferredLanguage: '',
    phone: '',
    motherName: '',
    placeOfOrigin: '',
    documents: [],
    caregiverName: '',
    caregiverPhone: '',
  };
}

export function newWizard(ids: { caseId: string; commandId: string }, language: string): WizardState {
  return {
    ...ids,
    step: 'identity',
    identity: emptyIdentity(),
    candidates: null,
    linkTo: [],
    screening: {},
    submissions: [],
    consent: { services: '', disclosureAny: '', disclosureLines: [], reporting: '', givenBy: '', childAssent: 'not_applicable', language, givenAt: '' },
  };
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const shape = personIdentitySchema.shape;
const stats = caseStatsSchema.shape;
const regionCodes = new Set(caseRegions().map((r) => r.pcode));

/**
 * Step (a)'s rules: the shared identity and statistics schemas, reached through the boxes'
 * strings (an empty box is "not given"). Used by the form's resolver and before sending.
 */
export const identityFormSchema = z.object({
  regionPcode: z.string().refine((p) => regionCodes.has(p), { params: { code: 'unknown_region' } }),
  givenName: shape.givenName,
  familyName: z.preprocess(blank, shape.familyName),
  aliases: z.preprocess((v) => splitAliases(String(v ?? '')), shape.aliases),
  dateOfBirth: z.preprocess(blank, shape.dateOfBirth),
  estimatedAge: z.preprocess((v) => (blank(v) === undefined ? undefined : Number(v)), shape.estimatedAge),
  ageUncertain: z.boolean(),
  sex: stats.sex,
  nationality: z.preprocess(blank, stats.nationality),
  preferredLanguage: z.preprocess(blank, stats.preferredLanguage),
  phone: z.preprocess(blank, shape.phone),
  motherName: z.preprocess(blank, shape.motherName),
  placeOfOrigin: z.preprocess(blank, shape.placeOfOrigin),
  documents: z.array(identityDocumentSchema).max(5),
  caregiverName: z.preprocess(blank, shape.caregiverName),
  caregiverPhone: z.preprocess(blank, shape.caregiverPhone),
});

export function splitAliases(text: string): string[] {
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

export interface Registration {
  regionPcode: string;
  identity: PersonIdentity;
  stats: { sex: 'female' | 'male' | 'other' | 'unknown'; nationality?: string; preferredLanguage?: string };
}

/** Step (a) as the API wants it, or undefined while a field is wrong. */
export function registrationOf(values: IdentityValues): Registration | undefined {
  const parsed = identityFormSchema.safeParse(values);
  if (!parsed.success) return undefined;
  const v = parsed.data;
  const child = mayBeChild(values);
  const identity = personIdentitySchema.parse(
    withoutUndefined({
      givenName: v.givenName,
      familyName: v.familyName,
      aliases: v.aliases,
      dateOfBirth: v.dateOfBirth,
      estimatedAge: v.dateOfBirth ? undefined : v.estimatedAge,
      ageUncertain: v.ageUncertain,
      phone: v.phone,
      motherName: v.motherName,
      placeOfOrigin: v.placeOfOrigin,
      documents: v.documents,
      // The caregiver boxes are hidden for an adult: what they held then is not the person's data.
      caregiverName: child ? v.caregiverName : undefined,
      caregiverPhone: child ? v.caregiverPhone : undefined,
    }),
  );
  return { regionPcode: v.regionPcode, identity, stats: withoutUndefined({ sex: v.sex, nationality: v.nationality, preferredLanguage: v.preferredLanguage }) };
}

function withoutUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Age from the date of birth (year alone is enough) or the estimate; null when neither is usable. */
export function ageOf(values: Pick<IdentityValues, 'dateOfBirth' | 'estimatedAge'>, on: Date): number | null {
  const dateOfBirth = values.dateOfBirth.trim();
  const estimate = values.estimatedAge.trim() === '' ? undefined : Number(values.estimatedAge);
  const dob = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(dateOfBirth) ? dateOfBirth : undefined;
  return ageInYears({ dateOfBirth: dob, estimatedAge: Number.isInteger(estimate) ? estimate : undefined }, on);
}

/** Under 18, or an age nobody can be sure of: the child's questions and protections apply. */
export function mayBeChild(values: Pick<IdentityValues, 'dateOfBirth' | 'estimatedAge' | 'ageUncertain'>, on = new Date()): boolean {
  if (values.ageUncertain) return true;
  const age = ageOf(values, on);
  return age !== null && age < 18;
}

/** The screening forms to show: the child form only for a person who may be a child. */
export function screeningKindsFor(values: IdentityValues, on = new Date()): ScreeningKind[] {
  return SCREENING_KINDS.filter((k) => k !== 'child' || mayBeChild(values, on));
}

/** The consent step's decisions as records: one per layer, plus one per organisation or service line. */
export function consentDecisions(consent: ConsentValues, child: boolean): ConsentDecision[] {
  const common = {
    givenBy: (consent.givenBy || 'self') as ConsentGiver,
    childAssent: child ? consent.childAssent : ('not_applicable' as const),
    language: consent.language,
    givenAt: consent.givenAt,
  };
  const out: ConsentDecision[] = [];
  if (consent.services) out.push({ layer: 'services', decision: consent.services, ...common });
  if (consent.disclosureAny) out.push({ layer: 'disclosure', decision: consent.disclosureAny, ...common });
  for (const line of consent.disclosureLines) {
    if (!line.decision || (!line.organisationId && !line.serviceType)) continue;
    out.push({ layer: 'disclosure', decision: line.decision, ...(line.organisationId ? { organisationId: line.organisationId } : {}), ...(line.serviceType ? { serviceType: line.serviceType } : {}), ...common });
  }
  if (consent.reporting) out.push({ layer: 'reporting', decision: consent.reporting, ...common });
  return out;
}

export type ConsentField = 'services' | 'disclosureAny' | 'reporting' | 'givenBy' | 'childAssent' | 'language' | `line.${number}`;

/**
 * What the server would refuse about the consent step, as `validation.<code>` codes by field:
 * the same rules (`consentGiverProblem`), so the identifier hears them before sending.
 */
export function consentProblems(consent: ConsentValues, person: { isChild: boolean; ageYears: number | null }): Partial<Record<ConsentField, string>> {
  const problems: Partial<Record<ConsentField, string>> = {};
  if (!consent.services) problems.services = 'required';
  else if (consent.services === 'refused') problems.services = 'consent_services_required';
  if (!consent.disclosureAny) problems.disclosureAny = 'required';
  if (!consent.reporting) problems.reporting = 'required';
  if (!/^[a-z]{2,3}$/.test(consent.language)) problems.language = 'required';
  if (!consent.givenBy) problems.givenBy = 'required';
  else {
    const code = consentGiverProblem(person, { givenBy: consent.givenBy, childAssent: person.isChild ? consent.childAssent : 'not_applicable', decision: 'granted' });
    if (code) problems[code === 'consent_child_assent_needed' ? 'childAssent' : 'givenBy'] = code;
  }
  consent.disclosureLines.forEach((line, i) => {
    if (!line.organisationId && !line.serviceType) problems[`line.${i}`] = 'consent_line_target';
    else if (!line.decision) problems[`line.${i}`] = 'required';
  });
  return problems;
}

/** Where a server detail about the input belongs: the step to go back to. */
export function stepOfPath(path: string): Step {
  if (path.startsWith('input.consents')) return 'consent';
  if (path.startsWith('input.screening')) return 'screening';
  if (path.startsWith('input.linkTo')) return 'duplicates';
  if (path.startsWith('input.identity') || path.startsWith('input.stats') || path.startsWith('input.regionPcode')) return 'identity';
  return 'review';
}

/** The box of step (a) a server detail names (`input.identity.documents.0.number` → documents.0.number). */
export function identityFieldOfPath(path: string): string {
  return path.replace(/^input\.(identity|stats)\./, '').replace(/^input\./, '');
}

/** The field of the consent step a server detail names (`input.consents.2.givenBy` → givenBy). */
export function consentFieldOfPath(path: string): ConsentField {
  if (path.endsWith('.childAssent')) return 'childAssent';
  if (path.endsWith('.language')) return 'language';
  if (path === 'input.consents') return 'services';
  return 'givenBy';
}

export function stepNumber(step: Step): number {
  return STEPS.indexOf(step) + 1;
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

export function previousStep(step: Step): Step {
  return STEPS[Math.max(STEPS.indexOf(step) - 1, 0)]!;
}

/** Who the consent rules see: a child by age, uncertain age or the child form (as the server decides). */
export function personOf(state: Pick<WizardState, 'identity' | 'submissions'>, on = new Date()): { isChild: boolean; ageYears: number | null } {
  const ageYears = ageOf(state.identity, on);
  const byKind = Object.fromEntries(state.submissions.map((s) => [s.kind, s.answers]));
  const { isChild } = screeningOutcome({ ...byKind, ageYears, ageUncertain: state.identity.ageUncertain });
  return { isChild, ageYears };
}

/** The `case.register` input, or undefined while step (a) is not valid. */
export function registerInput(state: WizardState, on = new Date()) {
  const registration = registrationOf(state.identity);
  if (!registration) return undefined;
  return {
    caseId: state.caseId,
    regionPcode: registration.regionPcode,
    identity: registration.identity,
    stats: registration.stats,
    screening: state.submissions.map(({ formId, version, answers }) => ({ formId, version, answers })),
    consents: consentDecisions(state.consent, personOf(state, on).isChild),
    linkTo: state.linkTo,
  };
}
