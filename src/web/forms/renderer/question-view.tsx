import type { AnswerValue } from '../../../domain/forms/answers.ts';
import type { Question } from '../../../domain/forms/definition.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { type AnswerScope, setAnswer } from './answer-scope.ts';
import { ChoiceInput } from './choice-input.tsx';
import { fieldId, formText, issueMessage, withValues } from './form-text.ts';
import { GeopointInput } from './geopoint-input.tsx';
import type { RenderContext } from './render-context.ts';

interface Props {
  question: Question;
  scope: AnswerScope;
  ctx: RenderContext;
}

function asText(value: AnswerValue | undefined): string {
  if (value === undefined || value === null || typeof value === 'boolean') return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** One question: its label, hint, input for its type and, once due, its message. */
export function QuestionView({ question, scope, ctx }: Props) {
  const { t } = useI18n();
  const path = scope.prefix + question.name;
  if (question.type === 'calculate' || ctx.evaluation.relevant[path] !== true) return null;
  const id = fieldId(path);
  const text = (value: Parameters<typeof formText>[1]) => {
    const raw = formText(ctx.form, value, ctx.language);
    return raw === undefined ? undefined : withValues(raw, scope.prefix, scope.answers, ctx.rootAnswers, ctx.evaluation);
  };
  const label = text(question.label) ?? question.name;
  const hint = text(question.hint);
  const issue = ctx.issues.get(path);
  const error = issue && ctx.shown(path) ? issueMessage(ctx.form, issue, ctx.language, t) : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const value = scope.answers[question.name] as AnswerValue | undefined;
  const readOnly = question.readOnly === true;
  const set = (next: AnswerValue) => setAnswer(scope, question.name, next);
  const leave = (e: FocusEvent) => {
    // Moving between the radios or the two coordinates of one question is not leaving it.
    const to = e.relatedTarget as Node | null;
    if (!to || !(e.currentTarget as HTMLElement).contains(to)) ctx.left(path);
  };

  if (question.type === 'note') {
    return (
      <div class="form-question form-note" data-path={path}>
        <p>{label}</p>
        {hint && <p class="field-hint">{hint}</p>}
      </div>
    );
  }

  const hintEl = hint && (
    <p id={hintId} class="field-hint">
      {hint}
    </p>
  );
  const errorEl = error && (
    <p id={errorId} class="field-error" data-issue={issue?.code}>
      {error}
    </p>
  );

  if (question.type === 'select_one' || question.type === 'select_multiple') {
    return (
      <div class="form-question" data-path={path} onFocusOut={leave}>
        <ChoiceInput question={question} path={path} id={id} label={label} hint={hintEl} error={errorEl} describedBy={describedBy} value={value} readOnly={readOnly} ctx={ctx} onChange={set} />
      </div>
    );
  }

  if (question.type === 'acknowledge') {
    return (
      <div class="form-question" data-path={path} onFocusOut={leave}>
        {hintEl}
        <label class="form-check">
          <input type="checkbox" id={id} checked={value === true || value === 'OK'} disabled={readOnly} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => set(e.currentTarget.checked)} />
          <span>{label}</span>
        </label>
        {errorEl}
      </div>
    );
  }

  if (question.type === 'geopoint') {
    return (
      <fieldset class="form-question form-fieldset" data-path={path} onFocusOut={leave}>
        <legend>{label}</legend>
        {hintEl}
        <GeopointInput id={id} value={asText(value)} readOnly={readOnly} describedBy={describedBy} invalid={Boolean(error)} onChange={set} />
        {errorEl}
      </fieldset>
    );
  }

  if (question.type === 'image') {
    return (
      <div class="form-question" data-path={path}>
        <p class="form-label">{label}</p>
        {hintEl}
        <p class="field-hint form-unavailable">{t('formFill.image.unavailable')}</p>
        {errorEl}
      </div>
    );
  }

  const common = {
    id,
    value: asText(value),
    readOnly,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': question.required ? true : undefined,
  };
  const onInput = (e: Event) => set((e.currentTarget as HTMLInputElement).value);
  const numeric = question.type === 'integer' || question.type === 'decimal';
  return (
    <div class="field form-question" data-path={path} onFocusOut={leave}>
      <label for={id}>
        {label}
        {question.required && <span class="form-required"> *</span>}
      </label>
      {hintEl}
      {question.appearance?.includes('multiline') && question.type === 'text' ? (
        <textarea {...common} rows={4} onInput={onInput} />
      ) : (
        <input
          {...common}
          type={question.type === 'date' ? 'date' : 'text'}
          // Typed as text so that "12a" reaches evaluateForm and is reported, not silently emptied.
          inputMode={question.type === 'integer' ? 'numeric' : question.type === 'decimal' ? 'decimal' : undefined}
          autocomplete="off"
          onInput={numeric ? (e) => set((e.currentTarget as HTMLInputElement).value.trim()) : onInput}
        />
      )}
      {errorEl}
    </div>
  );
}
