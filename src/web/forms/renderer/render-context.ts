import type { Answers } from '../../../domain/forms/answers.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import type { AnswerIssue, FormEvaluation } from '../../../domain/forms/evaluate.ts';

/** What every part of the renderer reads: the form, `evaluateForm`'s verdict and what to show. */
export interface RenderContext {
  form: FormDefinition;
  evaluation: FormEvaluation;
  rootAnswers: Answers;
  /** The form language (independent of the interface language). */
  language: string;
  /** The first issue of each path. */
  issues: ReadonlyMap<string, AnswerIssue>;
  /** Messages appear once a field was left, or for every field after "check". */
  shown(path: string): boolean;
  left(path: string): void;
}

export function issuesByPath(evaluation: FormEvaluation): Map<string, AnswerIssue> {
  const map = new Map<string, AnswerIssue>();
  for (const issue of evaluation.issues) if (!map.has(issue.path)) map.set(issue.path, issue);
  return map;
}
