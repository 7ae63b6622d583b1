import { useQueries, useQuery } from '@tanstack/preact-query';
import { useMemo, useState } from 'preact/hooks';
import type { Answers } from '../../../domain/forms/answers.ts';
import { defaultAnswers } from '../../../domain/forms/defaults.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { evaluateForm } from '../../../domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../../../domain/forms/prune.ts';
import { SCREENING_FORM_KEYS } from '../../../domain/screening/forms/index.ts';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { formKeys, getVersion, listForms, pickText } from '../../forms/forms-api.ts';
import { rootScope } from '../../forms/renderer/answer-scope.ts';
import { FormNodes } from '../../forms/renderer/form-renderer.tsx';
import { initialFormLanguage } from '../../forms/renderer/form-text.ts';
import { type RenderContext, issuesByPath } from '../../forms/renderer/render-context.ts';
import '../../forms/forms.css';
import { useI18n } from '../../i18n/i18n.ts';
import type { ScreeningKind, ScreeningSubmission } from './wizard-state.ts';

export interface ScreeningForm {
  kind: ScreeningKind;
  formId: string;
  version: number;
  definition: FormDefinition;
}


/** The published versions of the built-in screening forms, found by form key (never by id). */
export function useScreeningForms(kinds: readonly ScreeningKind[]) {
  const { locale } = useI18n();
  const list = useQuery({ queryKey: formKeys.list, queryFn: () => listForms(locale) });
  const wanted = kinds.flatMap((kind) => {
    const form = list.data?.items.find((f) => f.formKey === SCREENING_FORM_KEYS[kind] && f.publishedVersion !== null);
    return form ? [{ kind, formId: form.id, version: form.publishedVersion! }] : [];
  });
  const versions = useQueries({ queries: wanted.map((w) => ({ queryKey: formKeys.version(w.formId, w.version), queryFn: () => getVersion(w.formId, w.version, locale), staleTime: Infinity })) });
  const failed = [list, ...versions].find((q) => q.isError)?.error;
  const forms: ScreeningForm[] = wanted.flatMap((w, i) => {
    const data = versions[i]?.data;
    return data ? [{ ...w, definition: data.definition }] : [];
  });
  return {
    pending: list.isPending || versions.some((v) => v.isPending),
    problem: failed ? (failed instanceof ApiFailure ? failed.problem : ({ kind: 'network' } as const)) : undefined,
    forms,
  };
}

const sameAnswers = (a: Answers, b: Answers) => JSON.stringify(a) === JSON.stringify(b);

/** A form left as it opened is skipped, not sent: the identifier may not have time for every one. */
export function isTouched(form: FormDefinition, answers: Answers | undefined): boolean {
  return answers !== undefined && !sameAnswers(answers, defaultAnswers(form.children));
}

interface Props {
  forms: readonly ScreeningForm[];
  pending: boolean;
  problem: ReturnType<typeof useScreeningForms>['problem'];
  answers: Partial<Record<ScreeningKind, Answers>>;
  onChange(kind: ScreeningKind, answers: Answers): void;
  onNext(submissions: ScreeningSubmission[]): void;
}

/**
 * Step (c): the built-in screening questionnaires, drawn by the one forms renderer. A form the
 * identifier filled must be complete; one left untouched is skipped. If the forms are not
 * installed, the step says so and lets the identifier go on.
 */
export function StepScreening({ forms, pending, problem, answers, onChange, onNext }: Props) {
  const { locale, t } = useI18n();
  const [tried, setTried] = useState(false);
  const [incomplete, setIncomplete] = useState<string[]>([]);

  // Evaluated here only when leaving; each section evaluates its own form as it changes.
  const next = (e: Event) => {
    e.preventDefault();
    setTried(true);
    const touched = forms.filter((f) => isTouched(f.definition, answers[f.kind])).map((f) => ({ f, evaluation: evaluateForm(f.definition, answers[f.kind]!) }));
    const wrong = touched.filter((x) => x.evaluation.issues.length > 0).map((x) => pickText(x.f.definition.title, locale));
    setIncomplete(wrong);
    if (wrong.length > 0) return;
    onNext(touched.map(({ f, evaluation }) => ({ formId: f.formId, version: f.version, kind: f.kind, answers: withoutIrrelevant(f.definition, answers[f.kind]!, evaluation) })));
  };

  if (pending) return <p class="card" role="status">{t('app.loading')}</p>;
  return (
    <form noValidate aria-labelledby="step-title" onSubmit={next}>
      {problem ? (
        <div class="form-error" role="alert">
          {problemMessage(problem, locale)}
        </div>
      ) : forms.length === 0 ? (
        <p class="card case-notice" role="status">
          {t('registration.screening.missing')}
        </p>
      ) : (
        <p class="hint">{t('registration.screening.hint')}</p>
      )}
      <div class={tried && incomplete.length > 0 ? 'form-error' : 'form-error is-empty'} role="alert">
        {tried && incomplete.length > 0 && t('registration.screening.incomplete', { forms: incomplete.join(', ') })}
      </div>
      {forms.map((f) => (
        <ScreeningSection key={f.kind} form={f} answers={answers[f.kind]} showAll={tried} onChange={(next) => onChange(f.kind, next)} />
      ))}
      <button type="submit" class="button button-primary">
        {forms.length === 0 ? t('registration.screening.skip') : t('registration.next')}
      </button>
    </form>
  );
}

function ScreeningSection({ form, answers: given, showAll, onChange }: { form: ScreeningForm; answers: Answers | undefined; showAll: boolean; onChange(next: Answers): void }) {
  const { locale } = useI18n();
  const definition = form.definition;
  const answers = useMemo(() => given ?? defaultAnswers(definition.children), [given, definition]);
  const evaluation = useMemo(() => evaluateForm(definition, answers), [definition, answers]);
  const language = initialFormLanguage(definition, locale);
  const ctx: RenderContext = {
    form: definition,
    evaluation,
    rootAnswers: answers,
    language,
    issues: issuesByPath(evaluation),
    // Messages wait for "next": on a phone a message appearing mid-tap moves what is tapped.
    shown: () => showAll && isTouched(definition, answers),
    left: () => undefined,
  };
  const titleId = `screening-${form.kind}-title`;
  return (
    <section class="card form-fill registration-screening" aria-labelledby={titleId} lang={language === 'default' ? undefined : language}>
      <h2 id={titleId}>{pickText(definition.title, locale)}</h2>
      <FormNodes nodes={definition.children} scope={rootScope(answers, onChange)} ctx={ctx} />
    </section>
  );
}
