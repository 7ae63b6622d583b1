import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/domain/forms/answers.ts';
import { type FormDefinition, formDefinitionSchema } from '../../src/domain/forms/definition.ts';
import { evaluateForm } from '../../src/domain/forms/evaluate.ts';
import { likertMean, scoreAnswers } from '../../src/domain/forms/scoring.ts';

const form: FormDefinition = formDefinitionSchema.parse({
  formId: 'screening_test',
  title: { fr: 'Dépistage', en: 'Screening' },
  languages: [
    { code: 'fr', name: 'Français' },
    { code: 'en', name: 'English' },
  ],
  defaultLanguage: 'fr',
  choices: {
    yes_no: [
      { name: 'yes', label: { fr: 'Oui', en: 'Yes' } },
      { name: 'no', label: { fr: 'Non', en: 'No' } },
    ],
    region: [
      { name: 'ML-1', label: { fr: 'Kayes' }, properties: { country: 'ML' } },
      { name: 'BF-46', label: { fr: 'Centre' }, properties: { country: 'BF' } },
    ],
    country: [
      { name: 'ML', label: { fr: 'Mali' } },
      { name: 'BF', label: { fr: 'Burkina Faso' } },
    ],
    needs: [
      { name: 'food', label: { fr: 'Nourriture' } },
      { name: 'shelter', label: { fr: 'Abri' } },
    ],
  },
  children: [
    { kind: 'question', name: 'age', type: 'integer', required: true, constraint: '. >= 0 and . <= 120', constraintMessage: { fr: 'Âge entre 0 et 120', en: 'Age 0 to 120' } },
    { kind: 'question', name: 'minor', type: 'calculate', calculation: "if(${age} < 18, 'yes', 'no')" },
    {
      kind: 'group',
      name: 'child',
      relevant: "${minor} = 'yes'",
      children: [{ kind: 'question', name: 'accompanied', type: 'select_one', listName: 'yes_no', required: true }],
    },
    { kind: 'question', name: 'country', type: 'select_one', listName: 'country' },
    { kind: 'question', name: 'region', type: 'select_one', listName: 'region', choiceFilter: 'country = ${country}' },
    { kind: 'question', name: 'needs', type: 'select_multiple', listName: 'needs', constraint: "not(selected(., 'food') and count-selected(.) > 1) or ${age} > 5" },
    { kind: 'question', name: 'arrival', type: 'date', constraint: '. <= today()' },
    {
      kind: 'repeat',
      name: 'members',
      children: [
        { kind: 'question', name: 'm_age', type: 'integer', constraint: '. < ${age}' },
        { kind: 'question', name: 'm_school', type: 'select_one', listName: 'yes_no', relevant: '${m_age} >= 6 and ${m_age} < 18', required: true },
        { kind: 'question', name: 'm_country', type: 'select_one', listName: 'country' },
        { kind: 'question', name: 'm_region', type: 'select_one', listName: 'region', choiceFilter: 'country = ${m_country}' },
      ],
    },
    { kind: 'question', name: 'total_ages', type: 'calculate', calculation: 'sum(${m_age})' },
    { kind: 'question', name: 'consent', type: 'acknowledge', required: true },
  ],
});

const base: Answers = { age: 30, country: 'ML', region: 'ML-1', consent: true };
const codes = (answers: Answers) => evaluateForm(form, answers).issues.map((i) => `${i.path}:${i.code}`);

describe('evaluateForm: skip logic, constraints, types (table-driven)', () => {
  const cases: [string, Answers, string[]][] = [
    ['a complete adult answer is valid', base, []],
    ['required question left empty', { ...base, age: null }, ['age:required']],
    ['constraint on the current value (. <= 120)', { ...base, age: 130 }, ['age:constraint']],
    ['integer given as text', { ...base, age: 'thirty' }, ['age:invalid_value']],
    ['group relevant through a calculation: minors must answer', { ...base, age: 12 }, ['accompanied:required']],
    ['group not relevant for adults: its required question is not asked', { ...base, age: 40, accompanied: undefined }, []],
    ['choice outside the filtered list', { ...base, region: 'BF-46' }, ['region:invalid_choice']],
    ['unknown choice', { ...base, country: 'SN', region: null }, ['country:invalid_choice']],
    ['select_multiple with count-selected in a constraint', { ...base, age: 4, accompanied: 'yes', needs: ['food', 'shelter'] }, ['needs:constraint']],
    ['select_multiple accepted when the constraint holds', { ...base, needs: ['food', 'shelter'] }, []],
    ['date in the future', { ...base, arrival: '2999-01-01' }, ['arrival:constraint']],
    ['impossible date', { ...base, arrival: '2024-02-30' }, ['arrival:invalid_value']],
    ['repeat: relative reference to the same instance, absolute to the parent', { ...base, members: [{ m_age: 10, m_school: 'yes' }, { m_age: 3 }, { m_age: 12 }] }, ['members[2].m_school:required']],
    ['repeat: constraint comparing to an outer answer', { ...base, members: [{ m_age: 31 }] }, ['members[0].m_age:constraint']],
    [
      'repeat: choice_filter reads this instance’s answer (current()), not every instance’s',
      { ...base, members: [{ m_age: 2, m_country: 'BF', m_region: 'BF-46' }, { m_age: 3, m_country: 'ML', m_region: 'BF-46' }] },
      ['members[1].m_region:invalid_choice'],
    ],
    ['a repeat answered with something other than a list', { ...base, members: 'two' }, ['members:invalid_value']],
    ['unknown answer keys are reported', { ...base, nickname: 'x', members: [{ m_age: 2, other: 1 }] }, ['nickname:unknown_question', 'members[0].other:unknown_question']],
    ['acknowledge must be confirmed', { ...base, consent: false }, ['consent:required']],
  ];
  it.each(cases)('%s', (_, answers, expected) => {
    expect(codes(answers).sort()).toEqual(expected.sort());
  });

  it('reports relevance, calculations and filtered choices', () => {
    const result = evaluateForm(form, { ...base, age: 12, country: 'BF', members: [{ m_age: 7 }, { m_age: 2 }] });
    expect(result.calculated).toMatchObject({ minor: 'yes', total_ages: '9' });
    expect(result.relevant).toMatchObject({ child: true, accompanied: true, 'members[0].m_school': true, 'members[1].m_school': false });
    expect(result.choices.region).toEqual(['BF-46']);
  });

  it('carries the author’s translated constraint message', () => {
    const [issue] = evaluateForm(form, { ...base, age: -1 }).issues;
    expect(issue?.message).toEqual({ fr: 'Âge entre 0 et 120', en: 'Age 0 to 120' });
  });
});

describe('scoring', () => {
  const test: FormDefinition = formDefinitionSchema.parse({
    formId: 'quiz',
    title: { en: 'Quiz' },
    languages: [{ code: 'en', name: 'English' }],
    defaultLanguage: 'en',
    choices: { tf: [{ name: 'true', label: { en: 'True' } }, { name: 'false', label: { en: 'False' } }], many: [{ name: 'a', label: { en: 'A' } }, { name: 'b', label: { en: 'B' } }, { name: 'c', label: { en: 'C' } }] },
    children: [
      { kind: 'question', name: 'q1', type: 'select_one', listName: 'tf', scoring: { correct: ['true'], points: 1 } },
      { kind: 'question', name: 'q2', type: 'select_multiple', listName: 'many', scoring: { correct: ['a', 'c'], points: 2 } },
      { kind: 'question', name: 'q3', type: 'select_one', listName: 'tf', scoring: { correct: ['false'], points: 1 } },
      { kind: 'question', name: 'sat', type: 'select_one', listName: 'many', appearance: 'likert' },
    ],
  });
  it.each([
    [{ q1: 'true', q2: ['c', 'a'], q3: 'false' }, 4, 100],
    [{ q1: 'true', q2: ['a'], q3: 'true' }, 1, 25],
    [{}, 0, 0],
  ] as [Answers, number, number][])('scores %j as %d points (%d%%)', (answers, total, pct) => {
    const s = scoreAnswers(test, answers);
    expect(s.total).toBe(total);
    expect(s.max).toBe(4);
    expect(s.percentage).toBe(pct);
  });
  it('averages a Likert question by scale position', () => {
    expect(likertMean(test, [{ sat: 'a' }, { sat: 'c' }, { sat: 'c' }], 'sat')).toBeCloseTo(7 / 3);
    expect(likertMean(test, [], 'sat')).toBeNull();
  });
});
