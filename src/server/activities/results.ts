import { z } from 'zod';
import { type AttendanceTotals, attendanceTotals } from '../../domain/activities/attendance.ts';
import { evaluateKnowledgeTests, type KnowledgeEvaluation, type KnowledgeTest, type LikertAnswer, LIKERT_LEVELS, type LikertItemResult, summariseLikert } from '../../domain/activities/evaluation.ts';
import type { Answers } from '../../domain/forms/answers.ts';
import { type FormDefinition, localize, questions } from '../../domain/forms/definition.ts';
import { scoreAnswers } from '../../domain/forms/scoring.ts';
import type { DbOrTx } from '../db/client.ts';
import { definitionsOf, publishedDefinition } from './forms.ts';
import type { ActivityRow } from './load.ts';
import { evaluationRows, loadAttendance, type EvaluationRow } from './queries.ts';

export interface Label {
  id: string;
  label: string;
}

export interface ActivityResults {
  attendance: AttendanceTotals;
  knowledge: KnowledgeEvaluation | null;
  /** The scored questions of the knowledge test, labelled in the language asked for. */
  questions: Label[];
  satisfaction: { items: LikertItemResult[]; labels: Label[] } | null;
}

const label = z.object({ id: z.string(), label: z.string() });
/** The results route's answer; the figures' shapes are the domain's (evaluation.ts, attendance.ts). */
export const activityResultsView = z.object({
  attendance: z.unknown(),
  knowledge: z.unknown(),
  questions: z.array(label),
  satisfaction: z.object({ items: z.array(z.unknown()), labels: z.array(label) }).nullable(),
});

/** Each question in the form's words, in `lang` when translated, else in its default language. */
function labels(form: FormDefinition | undefined, ids: readonly string[], lang: string): Label[] {
  const byName = new Map((form ? questions(form) : []).map((q) => [q.name, q]));
  return ids.map((id) => ({ id, label: localize(byName.get(id)?.label, lang, form?.defaultLanguage ?? 'fr') ?? id }));
}

/** Select-one questions answered on a five-level scale: the satisfaction items. */
function likertQuestions(form: FormDefinition): { name: string; levels: string[] }[] {
  return questions(form).flatMap((q) => {
    const list = q.type === 'select_one' && q.listName ? form.choices[q.listName] : undefined;
    return list && list.length === LIKERT_LEVELS.length ? [{ name: q.name, levels: list.map((c) => c.name) }] : [];
  });
}

async function definitionsFor(db: DbOrTx, rows: readonly EvaluationRow[]): Promise<(row: EvaluationRow) => FormDefinition | undefined> {
  const byKey = new Map<string, Map<number, FormDefinition>>();
  for (const key of new Set(rows.map((r) => r.formKey))) {
    byKey.set(key, await definitionsOf(db, key, rows.filter((r) => r.formKey === key).map((r) => r.formVersion)));
  }
  return (row) => byKey.get(row.formKey)?.get(row.formVersion);
}

/** Tests scored with the version each was entered with, so a later edit of the form changes no past figure. */
async function knowledge(db: DbOrTx, row: ActivityRow, rows: readonly EvaluationRow[], lang: string): Promise<{ knowledge: KnowledgeEvaluation | null; questions: Label[] }> {
  const tests = rows.filter((r) => r.kind === 'pre' || r.kind === 'post');
  if (!row.knowledgeTestFormKey && tests.length === 0) return { knowledge: null, questions: [] };
  const definitionOf = await definitionsFor(db, tests);
  const input: KnowledgeTest[] = tests.flatMap((r) => {
    const form = definitionOf(r);
    if (!form) return [];
    const score = scoreAnswers(form, r.answers as Answers);
    return [{ participantCode: r.participantCode, phase: r.kind as 'pre' | 'post', answers: score.lines.map((l) => ({ questionId: l.question, score: l.points, maxScore: l.max })) }];
  });
  const evaluation = evaluateKnowledgeTests(input);
  const current = row.knowledgeTestFormKey ? await publishedDefinition(db, row.knowledgeTestFormKey) : undefined;
  const scored = current ? questions(current).filter((q) => q.scoring).map((q) => q.name) : [];
  const seen = [...evaluation.pre.questions, ...evaluation.post.questions].map((q) => q.questionId);
  return { knowledge: evaluation, questions: labels(current, [...new Set([...scored, ...seen])], lang) };
}

async function satisfaction(db: DbOrTx, row: ActivityRow, rows: readonly EvaluationRow[], lang: string): Promise<ActivityResults['satisfaction']> {
  const surveys = rows.filter((r) => r.kind === 'satisfaction');
  if (!row.satisfactionFormKey && surveys.length === 0) return null;
  const definitionOf = await definitionsFor(db, surveys);
  const answers: LikertAnswer[] = surveys.flatMap((r) => {
    const form = definitionOf(r);
    if (!form) return [];
    const given = r.answers as Answers;
    return likertQuestions(form).map(({ name, levels }) => {
      const position = typeof given[name] === 'string' ? levels.indexOf(given[name]) : -1;
      return { itemId: name, value: position >= 0 ? position + 1 : null };
    });
  });
  const items = summariseLikert(answers);
  const current = row.satisfactionFormKey ? await publishedDefinition(db, row.satisfactionFormKey) : undefined;
  const ids = [...new Set([...(current ? likertQuestions(current).map((q) => q.name) : []), ...items.map((i) => i.itemId)])];
  return { items, labels: labels(current, ids, lang) };
}

/** Everything the results screen and the report show: attendance, knowledge gain, satisfaction. */
export async function activityResults(db: DbOrTx, row: ActivityRow, lang: string): Promise<ActivityResults> {
  const rows = await evaluationRows(db, row.id);
  // One query at a time: the caller may pass a transaction, which runs one statement at a time anyway.
  const attendance = attendanceTotals(await loadAttendance(db, row));
  const k = await knowledge(db, row, rows, lang);
  return { attendance, knowledge: k.knowledge, questions: k.questions, satisfaction: await satisfaction(db, row, rows, lang) };
}
