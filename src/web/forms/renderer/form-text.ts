import type { Answers } from '../../../domain/forms/answers.ts';
import { type FormDefinition, type LocalizedText, localize } from '../../../domain/forms/definition.ts';
import type { AnswerIssue, FormEvaluation } from '../../../domain/forms/evaluate.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import type { MessageKey } from '../../../domain/i18n/translate.ts';
import type { Translate } from '../../i18n/i18n.ts';

/** The form's own words (labels, hints, its authors' messages) in the form language the person chose. */
export function formText(form: FormDefinition, text: LocalizedText | undefined, language: string): string | undefined {
  return localize(text, language, form.defaultLanguage);
}

/** The form language to start with: the person's interface language when the form has it, else the form's default. */
export function initialFormLanguage(form: FormDefinition, locale: Locale): string {
  return form.languages.some((l) => l.code === locale) ? locale : form.defaultLanguage;
}

/**
 * XLSForm labels may quote answers and calculations (`Minors: ${minors}`), which ODK shows
 * with the current value; inside a repeat, the same instance's value.
 */
export function withValues(text: string, prefix: string, scopeAnswers: Answers, rootAnswers: Answers, evaluation: FormEvaluation): string {
  return text.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const value = evaluation.calculated[prefix + name] ?? evaluation.calculated[name] ?? scopeAnswers[name] ?? rootAnswers[name];
    if (value === undefined || value === null || typeof value === 'object') return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.join(', ') : '';
    return String(value);
  });
}

const GENERIC: Record<string, MessageKey> = {
  required: 'formFill.issue.required',
  constraint: 'formFill.issue.constraint',
  invalid_value: 'formFill.issue.invalid_value',
  invalid_choice: 'formFill.issue.invalid_choice',
  unknown_question: 'formFill.issue.unknown_question',
  read_only: 'formFill.issue.read_only',
  repeat_count: 'formFill.issue.repeat_count',
};

/** What a person reads for an issue: the form author's message in the form language, else ours. */
export function issueMessage(form: FormDefinition, issue: Pick<AnswerIssue, 'code' | 'message'>, language: string, t: Translate): string {
  const own = formText(form, issue.message, language);
  if (own) return own;
  return t(GENERIC[issue.code] ?? 'formFill.issue.invalid_value');
}

/** Ids for labels and messages, from an answer path (`members[1].age` → `q-members-1-age`). */
export function fieldId(path: string): string {
  return `q-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}
