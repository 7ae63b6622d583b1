import { useMutation, useQuery } from '@tanstack/preact-query';
import { useMemo, useRef, useState } from 'preact/hooks';
import { normaliseParticipantCode } from '../../../domain/activities/participant-code.ts';
import type { Answers } from '../../../domain/forms/answers.ts';
import { defaultAnswers } from '../../../domain/forms/defaults.ts';
import { evaluateForm } from '../../../domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../../../domain/forms/prune.ts';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { pickText } from '../../forms/forms-api.ts';
import { rootScope } from '../../forms/renderer/answer-scope.ts';
import { FormNodes } from '../../forms/renderer/form-renderer.tsx';
import { initialFormLanguage } from '../../forms/renderer/form-text.ts';
import { type RenderContext, issuesByPath } from '../../forms/renderer/render-context.ts';
import '../../forms/forms.css';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { type ActivityForm, useActivityForm } from './activity-form.ts';
import { kindKey, sourceKey } from './labels.ts';
import type { RunContext } from './run-frame.tsx';
import { type EvaluationKind, getParticipants, runCommand, runKeys } from './run-api.ts';

const KINDS: readonly EvaluationKind[] = ['pre', 'post', 'satisfaction'];
const SOURCES = ['online', 'paper'] as const;
type Source = (typeof SOURCES)[number];

interface Recorded {
  score: number | null;
  maxScore: number | null;
}

/**
 * One questionnaire entered: which one, from where, whose code, then the activity's form drawn
 * by the forms renderer. After saving, "next" clears the answers and the code but keeps the
 * choices, so a pile of paper tests goes in quickly.
 */
export function EvaluationEntry({ ctx }: { ctx: RunContext }) {
  const { locale, t } = useI18n();
  const [kind, setKind] = useState<EvaluationKind>('pre');
  const [source, setSource] = useState<Source>('paper');
  const formKey = kind === 'satisfaction' ? ctx.detail.satisfactionFormKey : ctx.detail.knowledgeTestFormKey;
  const form = useActivityForm(formKey);

  return (
    <section class="card" aria-labelledby="evaluation-entry-title">
      <h2 id="evaluation-entry-title">{t('activityRun.entry.title')}</h2>
      <fieldset class="run-choices">
        <legend>{t('activityRun.entry.kind')}</legend>
        {KINDS.map((k) => (
          <label key={k} class="run-check">
            <input type="radio" name="evaluation-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>{t(kindKey(k))}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="run-choices">
        <legend>{t('activityRun.entry.source')}</legend>
        {SOURCES.map((s) => (
          <label key={s} class="run-check">
            <input type="radio" name="evaluation-source" value={s} checked={source === s} onChange={() => setSource(s)} />
            <span>{t(sourceKey(s))}</span>
          </label>
        ))}
      </fieldset>
      {form.problem ? (
        <div class="form-error" role="alert">
          {problemMessage(form.problem, locale)}
        </div>
      ) : form.pending ? (
        <p role="status">{t('app.loading')}</p>
      ) : !form.form ? (
        <p class="run-notice" role="status">
          {formKey === null ? t(kind === 'satisfaction' ? 'activityRun.entry.noSatisfactionForm' : 'activityRun.entry.noKnowledgeForm') : t('activityRun.entry.formMissing', { key: formKey })}
        </p>
      ) : (
        <EntryForm key={`${kind}-${form.form.formId}-${form.form.version}`} ctx={ctx} kind={kind} source={source} form={form.form} />
      )}
    </section>
  );
}

function EntryForm({ ctx, kind, source, form }: { ctx: RunContext; kind: EvaluationKind; source: Source; form: ActivityForm }) {
  const { locale, t } = useI18n();
  const named = ctx.detail.attendanceMode === 'named';
  const needsCode = kind !== 'satisfaction';
  const participants = useQuery({ queryKey: runKeys.participants(ctx.detail.id), queryFn: () => getParticipants(ctx.detail.id, locale), enabled: named && needsCode });
  const definition = form.definition;
  const empty = useMemo(() => defaultAnswers(definition.children), [definition]);
  const [answers, setAnswers] = useState<Answers>(empty);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  // One id per entry: a retry after a lost answer records the test once.
  const commandId = useRef(newCommandId());
  const codeInput = useRef<HTMLInputElement>(null);
  const evaluation = useMemo(() => evaluateForm(definition, answers), [definition, answers]);
  const language = initialFormLanguage(definition, locale);

  const record = useMutation({
    mutationFn: (input: { participantCode: string | null; answers: Answers }) =>
      runCommand<Recorded>('activity.record_evaluation', { activityId: ctx.detail.id, kind, participantCode: input.participantCode, formVersion: form.version, answers: input.answers, source }, locale, ctx.me.csrfToken, commandId.current),
    onSuccess: (result) => {
      setRecorded(result);
      void ctx.refresh();
    },
  });
  const failure = record.error instanceof ApiFailure ? record.error.problem : undefined;

  /** The code as the server stores it, or an error to show; null when none is needed or given. */
  const checkCode = (): { ok: true; code: string | null } | { ok: false; message: string } => {
    if (!needsCode) return { ok: true, code: null };
    if (code.trim() === '') return named ? { ok: false, message: t('activityRun.entry.codeRequired') } : { ok: true, code: null };
    const normal = normaliseParticipantCode(code);
    if (!normal) return { ok: false, message: t('activityRun.entry.codeInvalid') };
    if (named && participants.data && !participants.data.items.some((p) => p.participantCode === normal)) return { ok: false, message: t('activityRun.entry.codeUnknown', { code: normal }) };
    return { ok: true, code: normal };
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    const checked = checkCode();
    setCodeError(checked.ok ? null : checked.message);
    if (!checked.ok || evaluation.issues.length > 0) return;
    record.mutate({ participantCode: checked.code, answers: withoutIrrelevant(definition, answers, evaluation) });
  };

  const next = () => {
    commandId.current = newCommandId();
    record.reset();
    setRecorded(null);
    setAnswers(empty);
    setCode('');
    setCodeError(null);
    setTried(false);
    // The next paper's code is the first thing to type.
    requestAnimationFrame(() => codeInput.current?.focus());
  };

  if (recorded) {
    return (
      <div class="run-recorded" role="status">
        <p class="run-score">
          {recorded.score !== null && recorded.maxScore
            ? t('activityRun.entry.score', { score: formatNumber(locale, recorded.score), max: formatNumber(locale, recorded.maxScore), percent: formatNumber(locale, Math.round((recorded.score / recorded.maxScore) * 100)) })
            : t('activityRun.entry.recorded')}
        </p>
        <button type="button" class="button button-primary" onClick={next}>
          {t('activityRun.entry.next')}
        </button>
      </div>
    );
  }

  const renderCtx: RenderContext = {
    form: definition,
    evaluation,
    rootAnswers: answers,
    language,
    issues: issuesByPath(evaluation),
    shown: () => tried,
    left: () => undefined,
  };
  return (
    <form noValidate aria-label={pickText(definition.title, locale)} onSubmit={submit}>
      {needsCode && (
        <div class="field">
          <label for="evaluation-code">{t('activityRun.entry.code')}</label>
          <p id="evaluation-code-hint" class="field-hint">
            {named ? t('activityRun.entry.codeHintNamed') : t('activityRun.entry.codeHintAnonymous')}
          </p>
          <input
            id="evaluation-code"
            ref={codeInput}
            type="text"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            maxLength={40}
            aria-invalid={codeError ? true : undefined}
            aria-describedby={codeError ? 'evaluation-code-hint evaluation-code-error' : 'evaluation-code-hint'}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          {codeError && (
            <p id="evaluation-code-error" class="field-error">
              {codeError}
            </p>
          )}
        </div>
      )}
      <div class="form-fill run-form" lang={language === 'default' ? undefined : language}>
        <h3>{pickText(definition.title, locale)}</h3>
        <FormNodes nodes={definition.children} scope={rootScope(answers, setAnswers)} ctx={renderCtx} />
      </div>
      <div class={failure || (tried && evaluation.issues.length > 0) ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure ? problemMessage(failure, locale) : tried && evaluation.issues.length > 0 && t('activityRun.entry.incomplete')}
      </div>
      <button type="submit" class="button button-primary" disabled={record.isPending} aria-busy={record.isPending}>
        {t('activityRun.entry.save')}
      </button>
    </form>
  );
}
