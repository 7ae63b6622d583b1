import type { Answers } from './answers.ts';
import type { FormDefinition, FormNode } from './definition.ts';
import type { FormEvaluation } from './evaluate.ts';

/**
 * What is kept of a filling: ODK drops every question that does not apply (non-relevant),
 * so an answer typed before the person changed an earlier answer does not survive hidden in
 * the record. Notes and calculations are not answers (calculations are recomputed from the
 * rest), and names the form does not know are dropped.
 */
export function withoutIrrelevant(form: FormDefinition, answers: Answers, evaluation: FormEvaluation): Answers {
  return prune(form.children, answers, '', evaluation);
}

function prune(nodes: readonly FormNode[], given: Answers, prefix: string, evaluation: FormEvaluation): Answers {
  const out: Record<string, Answers[string]> = {};
  const visit = (list: readonly FormNode[]): void => {
    for (const node of list) {
      if (node.kind === 'group') {
        visit(node.children);
        continue;
      }
      const value = given[node.name];
      if (value === undefined) continue;
      const path = prefix + node.name;
      if (node.kind === 'question') {
        if (node.type === 'note' || node.type === 'calculate' || evaluation.relevant[path] !== true) continue;
        out[node.name] = value;
        continue;
      }
      if (!Array.isArray(value)) continue;
      const kept: Answers[] = [];
      (value as readonly Answers[]).forEach((instance, i) => {
        const at = `${path}[${i}]`;
        if (evaluation.relevant[at] === true) kept.push(prune(node.children, instance, `${at}.`, evaluation));
      });
      if (kept.length > 0) out[node.name] = kept;
    }
  };
  visit(nodes);
  return out;
}
