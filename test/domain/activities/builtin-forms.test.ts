import { describe, expect, it } from 'vitest';
import { EXERCISE_TYPES } from '../../../src/domain/activities/activity.ts';
import { ACTIVITY_FORMS, knowledgeNrmForm, SATISFACTION_ITEMS, SATISFACTION_SCALE, satisfactionForm } from '../../../src/domain/activities/forms/index.ts';
import { BUILTIN_EXERCISES, BUILTIN_LIBRARY, BUILTIN_QUESTIONNAIRES, BUILTIN_THEMES } from '../../../src/domain/activities/library-builtin.ts';
import { saveLibraryItemInput } from '../../../src/domain/activities/schemas.ts';
import type { Answers } from '../../../src/domain/forms/answers.ts';
import { definitionIssues } from '../../../src/domain/forms/check.ts';
import { answerableQuestions, type FormDefinition, formDefinitionSchema, type LocalizedText, questions, walk } from '../../../src/domain/forms/definition.ts';
import { evaluateForm } from '../../../src/domain/forms/evaluate.ts';
import { scoreAnswers } from '../../../src/domain/forms/scoring.ts';
import { BUILTIN_FORMS } from '../../../src/domain/screening/forms/index.ts';

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

/** Problems with a text in three languages: one missing, or Bambara that copies French. */
function languageProblems(where: string, text: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const lang of ['fr', 'en', 'bm']) if (!text[lang]?.trim()) problems.push(`${where} has no ${lang}`);
  if (text.bm === text.fr) problems.push(`${where}: Bambara copies French`);
  return problems;
}

const scored = questions(knowledgeNrmForm).filter((q) => q.scoring);

describe('activity questionnaires shipped with Sira', () => {
  it('are seeded with the built-in forms, under the keys activities name', () => {
    expect(ACTIVITY_FORMS.map((f) => f.formId)).toEqual(['sira_activity_knowledge_nrm', 'sira_activity_satisfaction']);
    for (const form of ACTIVITY_FORMS) expect(BUILTIN_FORMS).toContain(form);
  });

  it.each(ACTIVITY_FORMS.map((f) => [f.formId, f] as const))('%s passes the forms engine’s checks', (_, form) => {
    expect(formDefinitionSchema.safeParse(form).error?.issues).toBeUndefined();
    expect(definitionIssues(form)).toEqual([]);
    expect(form.defaultLanguage).toBe('fr');
    expect(form.languages.map((l) => l.code)).toEqual(['fr', 'en', 'bm']);
  });

  it.each(ACTIVITY_FORMS.map((f) => [f.formId, f] as const))('%s has every label in French, English and Bambara, and its Bambara is not French', (_, form) => {
    expect(texts(form).flatMap(([where, text]) => languageProblems(where, text))).toEqual([]);
    for (const q of questions(form)) if (q.type !== 'calculate') expect(q.label, q.name).toBeDefined();
  });

  it('knowledge test: 8 to 10 single-choice questions, each with exactly one correct answer among its choices', () => {
    expect(answerableQuestions(knowledgeNrmForm)).toEqual(scored);
    expect(scored.length).toBeGreaterThanOrEqual(8);
    expect(scored.length).toBeLessThanOrEqual(10);
    for (const q of scored) {
      expect(q.type, q.name).toBe('select_one');
      expect(q.required, q.name).toBe(true);
      const names = knowledgeNrmForm.choices[q.listName!]!.map((c) => c.name);
      expect(names.length, q.name).toBeGreaterThanOrEqual(3);
      expect(q.scoring!.correct, q.name).toHaveLength(1);
      expect(names, q.name).toContain(q.scoring!.correct[0]);
      expect(q.scoring!.points).toBe(1);
    }
  });

  it('knowledge test: the right answers are not always in the same place', () => {
    const positions = new Set(scored.map((q) => knowledgeNrmForm.choices[q.listName!]!.findIndex((c) => c.name === q.scoring!.correct[0])));
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('knowledge test: all right scores full marks, all wrong scores nothing, and both are complete answers', () => {
    const right: Answers = Object.fromEntries(scored.map((q) => [q.name, q.scoring!.correct[0]!]));
    const wrong: Answers = Object.fromEntries(scored.map((q) => [q.name, knowledgeNrmForm.choices[q.listName!]!.find((c) => c.name !== q.scoring!.correct[0])!.name]));
    expect(evaluateForm(knowledgeNrmForm, right).issues).toEqual([]);
    expect(evaluateForm(knowledgeNrmForm, wrong).issues).toEqual([]);
    expect(scoreAnswers(knowledgeNrmForm, right)).toMatchObject({ total: scored.length, max: scored.length, percentage: 100 });
    expect(scoreAnswers(knowledgeNrmForm, wrong)).toMatchObject({ total: 0, max: scored.length, percentage: 0 });
  });

  it('knowledge test: a child needs no means (the Palermo rule trainers most often get wrong)', () => {
    const q = scored.find((x) => x.name === 'q03_child_no_means')!;
    const right = knowledgeNrmForm.choices[q.listName!]!.find((c) => c.name === q.scoring!.correct[0])!;
    expect(right.label.fr).toMatch(/aucun moyen/);
  });

  it('satisfaction survey: Likert items on a 1–5 scale in order, and one optional free-text comment', () => {
    expect(satisfactionForm.choices[SATISFACTION_SCALE]!.map((c) => c.name)).toEqual(['1', '2', '3', '4', '5']);
    const items = answerableQuestions(satisfactionForm).filter((q) => q.type === 'select_one');
    expect(items.map((q) => q.name)).toEqual([...SATISFACTION_ITEMS]);
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.length).toBeLessThanOrEqual(6);
    for (const q of items) expect(q.listName).toBe(SATISFACTION_SCALE);
    const free = answerableQuestions(satisfactionForm).filter((q) => q.type !== 'select_one');
    expect(free.map((q) => [q.type, q.required ?? false])).toEqual([['text', false]]);
    // Not a test: nothing is scored.
    expect(scoreAnswers(satisfactionForm, {}).max).toBe(0);
    const answers: Answers = Object.fromEntries(items.map((q) => [q.name, '4']));
    expect(evaluateForm(satisfactionForm, answers).issues).toEqual([]);
  });
});

describe('activity library shipped with Sira', () => {
  it('has about eight themes, six exercises and the two questionnaires, with unique stable keys', () => {
    expect(BUILTIN_THEMES.length).toBeGreaterThanOrEqual(8);
    expect(BUILTIN_EXERCISES.length).toBeGreaterThanOrEqual(6);
    expect(BUILTIN_QUESTIONNAIRES).toHaveLength(2);
    const keys = BUILTIN_LIBRARY.map((i) => i.builtinKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(BUILTIN_LIBRARY.every((i) => i.content.kind === i.kind)).toBe(true);
  });

  it.each(BUILTIN_LIBRARY.map((i) => [i.builtinKey, i] as const))('%s is a valid item, in French, English and Bambara', (_, item) => {
    const parsed = saveLibraryItemInput.safeParse({ title: item.title, description: item.description, content: item.content, audiences: item.audiences });
    expect(parsed.error?.issues).toBeUndefined();
    expect([...languageProblems('title', item.title), ...languageProblems('description', item.description)]).toEqual([]);
  });

  it('offers every kind of exercise, each with instructions and materials', () => {
    const types = new Set(BUILTIN_EXERCISES.map((e) => (e.content.kind === 'exercise' ? e.content.exerciseType : '')));
    expect([...types].sort()).toEqual([...EXERCISE_TYPES].sort());
    for (const e of BUILTIN_EXERCISES) {
      if (e.content.kind !== 'exercise') throw new Error(`${e.builtinKey} is not an exercise`);
      expect(e.content.instructions.length, e.builtinKey).toBeGreaterThan(100);
      expect(e.content.materials.length, e.builtinKey).toBeGreaterThan(0);
    }
  });

  it('points its questionnaire items at the shipped forms, one per role', () => {
    const content = BUILTIN_QUESTIONNAIRES.map((q) => q.content);
    expect(content).toEqual([
      { kind: 'questionnaire', formKey: knowledgeNrmForm.formId, role: 'knowledge_test' },
      { kind: 'questionnaire', formKey: satisfactionForm.formId, role: 'satisfaction' },
    ]);
  });
});
