import type { ComponentChildren } from 'preact';
import { type AnswerValue, selectedChoices } from '../../../domain/forms/answers.ts';
import type { Question } from '../../../domain/forms/definition.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { formText } from './form-text.ts';
import type { RenderContext } from './render-context.ts';

interface Props {
  question: Question;
  path: string;
  id: string;
  label: string;
  hint: ComponentChildren;
  error: ComponentChildren;
  describedBy: string | undefined;
  value: AnswerValue | undefined;
  readOnly: boolean;
  ctx: RenderContext;
  onChange(value: AnswerValue): void;
}

/**
 * Radios (one answer) or checkboxes (several), each with a whole-row touch target; a
 * drop-down for `minimal` appearance. Only the choices the filter leaves are offered.
 */
export function ChoiceInput({ question, path, id, label, hint, error, describedBy, value, readOnly, ctx, onChange }: Props) {
  const { t } = useI18n();
  const allowed = new Set(ctx.evaluation.choices[path] ?? []);
  const choices = (ctx.form.choices[question.listName ?? ''] ?? []).filter((c) => allowed.has(c.name));
  const picked = selectedChoices(value ?? undefined);
  const choiceLabel = (c: (typeof choices)[number]) => formText(ctx.form, c.label, ctx.language) ?? c.name;

  if (question.type === 'select_one' && question.appearance?.includes('minimal')) {
    return (
      <div class="field">
        <label for={id}>{label}</label>
        {hint}
        <select id={id} disabled={readOnly} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="" selected={picked.length === 0}>
            {t('formFill.choose')}
          </option>
          {choices.map((c) => (
            <option key={c.name} value={c.name} selected={picked[0] === c.name}>
              {choiceLabel(c)}
            </option>
          ))}
        </select>
        {error}
      </div>
    );
  }

  const multiple = question.type === 'select_multiple';
  const toggle = (name: string, on: boolean) => {
    if (!multiple) return onChange(name);
    const next = on ? [...picked.filter((p) => p !== name), name] : picked.filter((p) => p !== name);
    // Kept in the list's order, as ODK stores a multiple choice.
    onChange(choices.map((c) => c.name).filter((n) => next.includes(n)));
  };
  return (
    <fieldset class="form-fieldset form-choices" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend>
        {label}
        {question.required && <span class="form-required"> *</span>}
      </legend>
      {hint}
      {choices.length === 0 && <p class="field-hint">{t('formFill.noChoices')}</p>}
      {choices.map((c, i) => (
        <label key={c.name} class="form-check">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            id={i === 0 ? id : undefined}
            name={id}
            value={c.name}
            checked={picked.includes(c.name)}
            disabled={readOnly}
            onChange={(e) => toggle(c.name, e.currentTarget.checked)}
          />
          <span>{choiceLabel(c)}</span>
        </label>
      ))}
      {error}
    </fieldset>
  );
}
