import { type Answers, selectedChoices } from './answers.ts';
import { type FormDefinition, questions } from './definition.ts';

/**
 * Scoring of a test (pre/post knowledge tests): a question earns its points when the answer
 * matches the correct one; for select_multiple, when exactly the correct set is chosen (no
 * partial credit, which is how paper tests in the trainings are marked). Only top-level
 * questions are scored: a test does not repeat.
 */
export interface ScoreLine {
  question: string;
  points: number;
  max: number;
}
export interface Score {
  lines: ScoreLine[];
  total: number;
  max: number;
  /** 0–100, rounded to one decimal; null when the form has no scored question. */
  percentage: number | null;
}

export function scoreAnswers(form: FormDefinition, answers: Answers): Score {
  const lines: ScoreLine[] = [];
  for (const q of questions(form)) {
    if (!q.scoring) continue;
    const given = selectedChoices(answers[q.name] as never).sort();
    const correct = [...q.scoring.correct].sort();
    const right = given.length === correct.length && given.every((c, i) => c === correct[i]);
    lines.push({ question: q.name, points: right ? q.scoring.points : 0, max: q.scoring.points });
  }
  const total = lines.reduce((s, l) => s + l.points, 0);
  const max = lines.reduce((s, l) => s + l.max, 0);
  return { lines, total, max, percentage: max === 0 ? null : Math.round((total / max) * 1000) / 10 };
}

/** Mean position on a Likert scale (1 = first choice), per question answered; for satisfaction surveys. */
export function likertMean(form: FormDefinition, answersList: readonly Answers[], questionName: string): number | null {
  const q = questions(form).find((x) => x.name === questionName && x.type === 'select_one');
  const list = q?.listName ? form.choices[q.listName] : undefined;
  if (!q || !list) return null;
  const positions = answersList.map((a) => list.findIndex((c) => c.name === a[questionName])).filter((i) => i >= 0);
  return positions.length === 0 ? null : positions.reduce((s, i) => s + i + 1, 0) / positions.length;
}
