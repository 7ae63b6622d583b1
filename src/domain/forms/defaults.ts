import type { AnswerValue, Answers } from './answers.ts';
import type { FormNode, Question } from './definition.ts';

/**
 * The answers a form starts with: XLSForm's `default` column. Defaults are static text in the
 * spreadsheet; they become the value type the renderer and `evaluateForm` expect. Groups only
 * arrange the screen, so their questions' defaults sit at the same level; a repeat's defaults
 * apply to each new instance (`defaultAnswers(repeat.children)`).
 */
export function defaultAnswers(nodes: readonly FormNode[]): Answers {
  const out: Record<string, AnswerValue> = {};
  const visit = (list: readonly FormNode[]): void => {
    for (const node of list) {
      if (node.kind === 'group') visit(node.children);
      else if (node.kind === 'question' && node.default !== undefined) {
        const value = defaultValue(node);
        if (value !== null) out[node.name] = value;
      }
    }
  };
  visit(nodes);
  return out;
}

/** A question's default as an answer value; null when it has none or it cannot hold one. */
export function defaultValue(question: Question): AnswerValue {
  const text = question.default?.trim();
  if (!text || question.type === 'note' || question.type === 'calculate') return null;
  switch (question.type) {
    case 'integer':
    case 'decimal': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'select_multiple':
      return text.split(/\s+/);
    case 'acknowledge':
      return text === 'OK' || text === 'true' ? true : null;
    default:
      return text;
  }
}
