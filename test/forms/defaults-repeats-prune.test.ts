import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/domain/forms/answers.ts';
import { defaultAnswers } from '../../src/domain/forms/defaults.ts';
import { type FormDefinition, type Repeat, formDefinitionSchema } from '../../src/domain/forms/definition.ts';
import { evaluateForm } from '../../src/domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../../src/domain/forms/prune.ts';

/** A household form: counts drive repeats, defaults and read-only values, questions that hide. */
const form: FormDefinition = formDefinitionSchema.parse({
  formId: 'household',
  title: { fr: 'Ménage' },
  languages: [{ code: 'fr', name: 'Français' }],
  defaultLanguage: 'fr',
  choices: {
    yes_no: [
      { name: 'yes', label: { fr: 'Oui' } },
      { name: 'no', label: { fr: 'Non' } },
    ],
    needs: [
      { name: 'food', label: { fr: 'Nourriture' } },
      { name: 'shelter', label: { fr: 'Abri' } },
    ],
  },
  children: [
    { kind: 'question', name: 'country', type: 'text', default: 'ML', readOnly: true },
    { kind: 'question', name: 'size', type: 'integer', default: '1', required: true },
    { kind: 'question', name: 'needs', type: 'select_multiple', listName: 'needs', default: 'food shelter' },
    { kind: 'question', name: 'has_children', type: 'select_one', listName: 'yes_no' },
    {
      kind: 'group',
      name: 'children_group',
      relevant: "${has_children} = 'yes'",
      children: [
        { kind: 'question', name: 'children_count', type: 'integer', default: '0' },
        {
          kind: 'repeat',
          name: 'children',
          repeatCount: '${children_count}',
          children: [
            { kind: 'question', name: 'child_age', type: 'integer', default: '5' },
            { kind: 'question', name: 'in_school', type: 'select_one', listName: 'yes_no', relevant: '${child_age} >= 6' },
          ],
        },
      ],
    },
    { kind: 'question', name: 'info', type: 'note', label: { fr: 'Merci' } },
    { kind: 'question', name: 'total', type: 'calculate', calculation: 'sum(${child_age})' },
    {
      kind: 'repeat',
      name: 'visits',
      repeatCount: '${size} div 2',
      relevant: '${size} > 2',
      children: [{ kind: 'question', name: 'visit_date', type: 'date' }],
    },
  ],
});

const codes = (answers: Answers) =>
  evaluateForm(form, answers)
    .issues.map((i) => `${i.path}:${i.code}`)
    .sort();
const childrenRepeat = (form.children[4] as { children: Repeat[] }).children[1]!;

describe('defaults', () => {
  it('start a filling with typed values, through groups but not into repeats', () => {
    expect(defaultAnswers(form.children)).toEqual({ country: 'ML', size: 1, needs: ['food', 'shelter'], children_count: 0 });
  });
  it('fill each new repeat instance', () => {
    expect(defaultAnswers(childrenRepeat.children)).toEqual({ child_age: 5 });
  });
  it('make a valid start for this form', () => {
    expect(codes(defaultAnswers(form.children))).toEqual([]);
  });
});

describe('repeat_count', () => {
  const start = { ...defaultAnswers(form.children), has_children: 'yes', children_count: 2 } as Answers;
  it('says how many instances a repeat must have, evaluated where the instances live', () => {
    const result = evaluateForm(form, { ...start, children: [{ child_age: 3 }, { child_age: 8 }] });
    expect(result.repeatCounts).toEqual({ children: 2 });
    expect(result.issues).toEqual([]);
    expect(result.calculated.total).toBe('11');
  });
  it('refuses a different number of instances', () => {
    expect(codes({ ...start, children: [{ child_age: 3 }] })).toEqual(['children:repeat_count']);
    expect(codes({ ...start, children: [{}, {}, {}] })).toEqual(['children:repeat_count']);
  });
  it('truncates the count as ODK does, and ignores a repeat that does not apply', () => {
    expect(evaluateForm(form, { ...start, size: 5, visits: [{}, {}] }).repeatCounts).toMatchObject({ visits: 2 });
    expect(codes({ ...start, size: 5, visits: [{}, {}] })).toEqual(['children:repeat_count']);
    // size 2: the visits repeat is not relevant, so its count is not enforced.
    expect(evaluateForm(form, { ...start, size: 2 }).repeatCounts).not.toHaveProperty('visits');
    // no children declared: the group is hidden, its repeat count is not enforced.
    expect(evaluateForm(form, { ...start, has_children: 'no' }).repeatCounts).toEqual({});
  });
  it('counts a missing or bad number as zero', () => {
    expect(evaluateForm(form, { ...start, children_count: null }).repeatCounts).toEqual({ children: 0 });
  });
});

describe('read_only', () => {
  it('keeps the default: the same value passes, another is refused', () => {
    expect(codes({ size: 1, country: 'ML' })).toEqual([]);
    expect(codes({ size: 1, country: 'BF' })).toEqual(['country:read_only']);
    expect(codes({ size: 1 })).toEqual([]);
  });
});

describe('withoutIrrelevant', () => {
  it('drops hidden questions, hidden groups, notes, calculations and unknown names', () => {
    const answers: Answers = {
      size: 1,
      has_children: 'no',
      children_count: 1,
      children: [{ child_age: 9, in_school: 'yes' }],
      info: 'x',
      total: '9',
      stray: 'y',
    };
    expect(withoutIrrelevant(form, answers, evaluateForm(form, answers))).toEqual({ size: 1, has_children: 'no' });
  });
  it('keeps what applies, inside repeat instances too', () => {
    const answers: Answers = { size: 1, has_children: 'yes', children_count: 2, children: [{ child_age: 3, in_school: 'yes' }, { child_age: 9, in_school: 'no' }] };
    expect(withoutIrrelevant(form, answers, evaluateForm(form, answers))).toEqual({
      size: 1,
      has_children: 'yes',
      children_count: 2,
      children: [{ child_age: 3 }, { child_age: 9, in_school: 'no' }],
    });
  });
});
