import type { AnswerValue, Answers } from '../../../domain/forms/answers.ts';
import { selectedChoices } from '../../../domain/forms/answers.ts';
import { type FormDefinition, type FormNode, SELECT_TYPES, localize } from '../../../domain/forms/definition.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';

export interface LabelledAnswer {
  /** The question's name in the form (stable across languages). */
  name: string;
  /** The question as the form words it in the export's language (repeat entries are numbered). */
  question: string;
  answer: string;
}

/**
 * A screening's answers as a person reads them: each answered question with its label and the
 * labels of the chosen options, in the export's language, in the form's order. The form version
 * the answers were collected with provides the words, so a later rewording does not change what
 * the person was asked.
 */
export function labelledAnswers(definition: FormDefinition, answers: Answers, locale: Locale): LabelledAnswer[] {
  const fallback = definition.defaultLanguage;
  const out: LabelledAnswer[] = [];
  const text = (value: AnswerValue, node: Extract<FormNode, { kind: 'question' }>): string => {
    if (SELECT_TYPES.includes(node.type) && node.listName) {
      const choices = definition.choices[node.listName] ?? [];
      return selectedChoices(value)
        .map((name) => localize(choices.find((c) => c.name === name)?.label, locale, fallback) ?? name)
        .join(', ');
    }
    if (typeof value === 'boolean') return translate(locale, value ? 'personExport.yes' : 'personExport.no');
    if (Array.isArray(value)) return value.join(', ');
    return String(value);
  };
  const walk = (nodes: readonly FormNode[], values: Answers, prefix: string) => {
    for (const node of nodes) {
      const label = localize(node.label, locale, fallback) ?? node.name;
      if (node.kind === 'group') walk(node.children, values, prefix);
      else if (node.kind === 'repeat') {
        const entries = values[node.name];
        if (Array.isArray(entries)) (entries as Answers[]).forEach((entry, i) => walk(node.children, entry, `${prefix}${label} ${i + 1} — `));
      } else if (node.type !== 'note') {
        const value = values[node.name] as AnswerValue | undefined;
        if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
        out.push({ name: node.name, question: `${prefix}${label}`, answer: text(value, node) });
      }
    }
  };
  walk(definition.children, answers, '');
  return out;
}
