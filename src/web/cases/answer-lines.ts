import type { AnswerValue, Answers } from '../../domain/forms/answers.ts';
import type { FormDefinition, FormNode, LocalizedText } from '../../domain/forms/definition.ts';

// Type-only imports above: the case page must not pull zod (the forms schemas) into its chunk.
const SELECT_TYPES: readonly string[] = ['select_one', 'select_multiple'];
const selected = (value: AnswerValue): string[] => (Array.isArray(value) ? [...value] : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [String(value)]);

/** One answer as a person reads it: the question's label and the answer's words. */
export interface AnswerLine {
  path: string;
  label: string;
  value: string;
  /** Nesting depth (a repeat's instance is one level down). */
  depth: number;
}

/**
 * A stored screening as lines of question and answer, in the form's order and the reader's
 * language: choice names become their labels; what was not answered is left out. Pure, so
 * the case page does not need the forms engine (and its evaluator) to show answers.
 */
export function answerLines(form: FormDefinition, answers: Answers, language: string): AnswerLine[] {
  const text = (t: LocalizedText | undefined) => (t ? (t[language] ?? t[form.defaultLanguage] ?? t.default ?? Object.values(t)[0]) : undefined);
  const out: AnswerLine[] = [];
  const walk = (nodes: readonly FormNode[], scope: Answers, prefix: string, depth: number) => {
    for (const node of nodes) {
      if (node.kind === 'group') {
        walk(node.children, scope, prefix, depth);
        continue;
      }
      if (node.kind === 'repeat') {
        const instances = Array.isArray(scope[node.name]) ? (scope[node.name] as readonly Answers[]) : [];
        instances.forEach((instance, i) => {
          out.push({ path: `${prefix}${node.name}[${i}]`, label: `${text(node.label) ?? node.name} ${i + 1}`, value: '', depth });
          walk(node.children, instance, `${prefix}${node.name}[${i}].`, depth + 1);
        });
        continue;
      }
      if (node.type === 'note' || (node.type === 'calculate' && !node.label)) continue;
      const raw = scope[node.name] as AnswerValue | undefined;
      if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) continue;
      let value: string;
      if (SELECT_TYPES.includes(node.type)) {
        const choices = form.choices[node.listName ?? ''] ?? [];
        value = selected(raw)
          .map((name) => text(choices.find((c) => c.name === name)?.label) ?? name)
          .join(', ');
      } else value = String(raw);
      out.push({ path: prefix + node.name, label: text(node.label) ?? node.name, value, depth });
    }
  };
  walk(form.children, answers, '', 0);
  return out;
}
