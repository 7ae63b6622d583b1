import { describe, expect, it } from 'vitest';
import { ACTIVITY_FORMS } from '../../../src/domain/activities/forms/index.ts';
import { CHILD_STATUSES, EXPLOITATION_TYPES, MIGRATION_SITUATIONS, TRAFFICKING_STATUSES } from '../../../src/domain/cases/categories.ts';
import type { Answers } from '../../../src/domain/forms/answers.ts';
import { definitionIssues } from '../../../src/domain/forms/check.ts';
import { type FormDefinition, type LocalizedText, answerableQuestions, formDefinitionSchema, questions, walk } from '../../../src/domain/forms/definition.ts';
import { evaluateForm } from '../../../src/domain/forms/evaluate.ts';
import { CHILD_FIELDS, TRAFFICKING_FIELDS, VULNERABILITY_FIELDS } from '../../../src/domain/screening/fields.ts';
import { childForm } from '../../../src/domain/screening/forms/child.ts';
import { BUILTIN_FORMS, SCREENING_FORM_KEYS } from '../../../src/domain/screening/forms/index.ts';
import { METHODS_OF_CONTROL, traffickingForm } from '../../../src/domain/screening/forms/trafficking.ts';
import { vulnerabilityForm } from '../../../src/domain/screening/forms/vulnerability.ts';
import { boyWithCousin, deceivedWorker, strandedWoman } from './examples.ts';

/** Every text a person reads in a form, with where it is. */
function texts(form: FormDefinition): [string, LocalizedText][] {
  const out: [string, LocalizedText][] = [['title', form.title]];
  for (const { node } of walk(form.children)) {
    if (node.label) out.push([`${node.name}.label`, node.label]);
    if (node.kind === 'question' && node.hint) out.push([`${node.name}.hint`, node.hint]);
  }
  for (const [list, choices] of Object.entries(form.choices)) for (const c of choices) out.push([`${list}.${c.name}`, c.label]);
  return out;
}

const choiceNames = (form: FormDefinition, list: string) => form.choices[list]!.map((c) => c.name);
const EXAMPLES: [FormDefinition, Answers][] = [
  [vulnerabilityForm, strandedWoman],
  [traffickingForm, deceivedWorker],
  [childForm, boyWithCousin],
];

describe('screening forms shipped with Sira', () => {
  it('are the three forms, under the keys screens look them up by, then the two activity questionnaires', () => {
    expect(BUILTIN_FORMS.map((f) => f.formId)).toEqual([SCREENING_FORM_KEYS.vulnerability, SCREENING_FORM_KEYS.trafficking, SCREENING_FORM_KEYS.child, ...ACTIVITY_FORMS.map((f) => f.formId)]);
    expect(SCREENING_FORM_KEYS).toEqual({ vulnerability: 'sira_screening_vulnerability', trafficking: 'sira_screening_trafficking', child: 'sira_screening_child' });
  });

  it.each(BUILTIN_FORMS.map((f) => [f.formId, f] as const))('%s is a valid definition whose expressions all resolve', (_, form) => {
    expect(formDefinitionSchema.safeParse(form).error?.issues).toBeUndefined();
    expect(definitionIssues(form)).toEqual([]);
    expect(form.defaultLanguage).toBe('fr');
    expect(form.languages.map((l) => l.code)).toEqual(['fr', 'en', 'bm']);
  });

  it.each(BUILTIN_FORMS.map((f) => [f.formId, f] as const))('%s stays short enough for a border post', (_, form) => {
    const asked = answerableQuestions(form).length;
    expect(asked).toBeGreaterThanOrEqual(7);
    expect(asked).toBeLessThanOrEqual(15);
  });

  it.each(BUILTIN_FORMS.map((f) => [f.formId, f] as const))('%s speaks French, English and Bambara, and its Bambara is not French', (_, form) => {
    const problems: string[] = [];
    for (const [where, text] of texts(form)) {
      for (const lang of ['fr', 'en', 'bm']) if (!text[lang]?.trim()) problems.push(`${where} has no ${lang}`);
      if (text.bm === text.fr) problems.push(`${where}: Bambara copies French`);
    }
    expect(problems).toEqual([]);
    // Every question a person answers has a label; notes too.
    for (const q of questions(form)) if (q.type !== 'calculate') expect(q.label, q.name).toBeDefined();
  });

  it('use the case vocabulary and HTCDS lists as choices', () => {
    expect(choiceNames(vulnerabilityForm, 'migration_situation')).toEqual([...MIGRATION_SITUATIONS]);
    expect(choiceNames(vulnerabilityForm, 'gbv_disclosure')).toEqual(['yes', 'no', 'not_asked']);
    expect(choiceNames(traffickingForm, 'exploitation_type')).toEqual([...EXPLOITATION_TYPES]);
    expect(choiceNames(traffickingForm, 'trafficking_status')).toEqual([...TRAFFICKING_STATUSES]);
    expect(choiceNames(traffickingForm, 'method_of_control')).toEqual([...METHODS_OF_CONTROL]);
    expect(METHODS_OF_CONTROL).toHaveLength(16);
    // The four levels of the determinants model, each with risks and protective factors.
    const groups = vulnerabilityForm.children.filter((n) => n.kind === 'group').map((g) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['individual', 'household', 'community', 'structural']));
  });

  it('have every question screeningOutcome reads, of the type it reads it as', () => {
    const types = (form: FormDefinition) => Object.fromEntries(questions(form).map((q) => [q.name, `${q.type}:${q.listName ?? ''}`]));
    const v = types(vulnerabilityForm);
    expect([v[VULNERABILITY_FIELDS.immediateDanger], v[VULNERABILITY_FIELDS.urgentMedical], v[VULNERABILITY_FIELDS.disability]]).toEqual(Array(3).fill('select_one:yes_no'));
    expect(v[VULNERABILITY_FIELDS.migrationSituation]).toBe('select_one:migration_situation');
    expect(v[VULNERABILITY_FIELDS.gbvDisclosed]).toBe('select_one:gbv_disclosure');
    for (const name of [...VULNERABILITY_FIELDS.riskFactors, ...VULNERABILITY_FIELDS.protectiveFactors]) expect(v[name], name).toMatch(/^select_multiple:/);
    const tr = types(traffickingForm);
    expect([tr[TRAFFICKING_FIELDS.exploitationTypes], tr[TRAFFICKING_FIELDS.underControl], tr[TRAFFICKING_FIELDS.assessment]]).toEqual(['select_multiple:exploitation_type', 'select_one:yes_no', 'select_one:trafficking_status']);
    const c = types(childForm);
    expect([c[CHILD_FIELDS.ageBasis], c[CHILD_FIELDS.appearsUnder18], c[CHILD_FIELDS.withParents], c[CHILD_FIELDS.withRelatives], c[CHILD_FIELDS.withCaregiver]]).toEqual([
      'select_one:age_basis',
      'select_one:yes_no',
      'select_one:yes_no',
      'select_one:yes_no',
      'select_one:yes_no',
    ]);
  });

  it.each(EXAMPLES.map(([f, a]) => [f.formId, f, a] as const))('%s accepts a realistic filled example and refuses a missing required answer', (_, form, answers) => {
    expect(evaluateForm(form, answers).issues).toEqual([]);
    const required = answerableQuestions(form).find((q) => q.required && q.name in answers)!;
    const { [required.name]: _dropped, ...missing } = answers;
    expect(evaluateForm(form, missing).issues).toEqual([{ path: required.name, code: 'required' }]);
  });

  it('asks about exploitation only when the person says they were exploited', () => {
    const notExploited = evaluateForm(traffickingForm, { recruitment_deception: 'no', exploited: 'no', trafficking_assessment: 'not_a_victim' });
    expect(notExploited.issues).toEqual([]);
    expect(notExploited.relevant).toMatchObject({ exploitation_types: false, methods_of_control: false, under_control: false, recruited_by: false, assessment_note: false });
    const exploited = evaluateForm(traffickingForm, { recruitment_deception: 'unknown', exploited: 'yes', trafficking_assessment: 'not_a_victim' });
    expect(exploited.issues.map((i) => i.path).sort()).toEqual(['exploitation_types', 'under_control']);
    expect(exploited.relevant.assessment_note).toBe(true);
  });

  it('does not ask whether a person whose age is uncertain looks under 18, and asks the carers of every child', () => {
    const uncertain = evaluateForm(childForm, { age_basis: 'uncertain' });
    expect(uncertain.relevant).toMatchObject({ appears_under_18: false, uncertain_note: true, carers: true, with_parents: true });
    expect(uncertain.calculated.is_child).toBe('yes');
    expect(uncertain.issues.map((i) => i.path).sort()).toEqual(['caregiver_informed', 'with_parents']);
    const adult = evaluateForm(childForm, { age_basis: 'known', appears_under_18: 'no' });
    expect(adult.issues).toEqual([]);
    expect(adult.relevant).toMatchObject({ carers: false, caregiver_informed: false, immediate_needs: false });
  });

  describe('child form: child_status follows the Inter-agency Guiding Principles', () => {
    const child = { age_basis: 'estimated', appears_under_18: 'yes', caregiver_informed: 'no' };
    const cases: [string, Answers, (typeof CHILD_STATUSES)[number]][] = [
      ['an adult', { age_basis: 'known', appears_under_18: 'no' }, 'not_a_child'],
      ['a child with a parent', { ...child, with_parents: 'yes' }, 'other_vulnerable'],
      ['a child with an uncle', { ...child, with_parents: 'no', with_relatives: 'yes' }, 'separated'],
      ['a child with a guardian by custom', { ...child, with_parents: 'no', with_relatives: 'no', with_caregiver: 'yes' }, 'separated'],
      ['a child alone', { ...child, with_parents: 'no', with_relatives: 'no', with_caregiver: 'no' }, 'unaccompanied'],
      ['a person of uncertain age, alone', { age_basis: 'uncertain', with_parents: 'no', with_relatives: 'no', with_caregiver: 'no', caregiver_informed: 'cannot_reach' }, 'unaccompanied'],
    ];
    it.each(cases)('%s → %s', (_, answers, status) => {
      const result = evaluateForm(childForm, answers);
      expect(result.issues).toEqual([]);
      expect(result.calculated.child_status).toBe(status);
      expect(result.relevant.unaccompanied_note).toBe(status === 'unaccompanied');
    });
    it('covers every child status', () => {
      expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(CHILD_STATUSES));
    });
  });
});
