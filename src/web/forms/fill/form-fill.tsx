import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { defaultAnswers } from '../../../domain/forms/defaults.ts';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { evaluateForm } from '../../../domain/forms/evaluate.ts';
import { withoutIrrelevant } from '../../../domain/forms/prune.ts';
import type { Answers } from '../../../domain/forms/answers.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useDraft } from '../drafts/use-draft.ts';
import type { FormVersionView } from '../forms-api.ts';
import { rootScope, withRepeatCounts } from '../renderer/answer-scope.ts';
import { FormNodes } from '../renderer/form-renderer.tsx';
import { initialFormLanguage } from '../renderer/form-text.ts';
import { type RenderContext, issuesByPath } from '../renderer/render-context.ts';
import { CheckPanel } from './check-panel.tsx';
import { DraftBar } from './draft-bar.tsx';

interface Props {
  userId: string;
  formId: string;
  version: number;
  status: FormVersionView['status'];
  form: FormDefinition;
}

export function FormFill({ userId, formId, version, status, form }: Props) {
  const { locale, t } = useI18n();
  const initialAnswers = useCallback(() => defaultAnswers(form.children), [form]);
  const draft = useDraft({ userId, formId, version, initialAnswers, initialLanguage: initialFormLanguage(form, locale) });
  const evaluation = useMemo(() => evaluateForm(form, draft.answers), [form, draft.answers]);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [checkRound, setCheckRound] = useState(0);
  const [checked, setChecked] = useState<Answers | undefined>(undefined);

  // repeat_count decides how many instances there are: follow it as the answers it reads change.
  const counts = (evaluation as { repeatCounts?: Record<string, number> }).repeatCounts;
  useEffect(() => {
    if (!draft.ready || !counts) return;
    const next = withRepeatCounts(form.children, draft.answers, counts);
    if (next !== draft.answers) draft.change(next);
  }, [draft.ready, draft.answers, counts, form]);

  // A field's message appears when it is left. Left by a tap elsewhere, the message would push
  // the page down between finger down and up, and the tap would land on something else: the
  // message waits until the tap is over.
  const waiting = useRef<string[]>([]);
  const pointerDown = useRef(false);
  const markLeft = useCallback((paths: readonly string[]) => setLeft((current) => (paths.every((p) => current.has(p)) ? current : new Set([...current, ...paths]))), []);
  useEffect(() => {
    const down = () => {
      pointerDown.current = true;
    };
    const up = () => {
      pointerDown.current = false;
      setTimeout(() => {
        const paths = waiting.current;
        waiting.current = [];
        if (paths.length > 0) markLeft(paths);
      }, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, [markLeft]);

  const ctx: RenderContext = {
    form,
    evaluation,
    rootAnswers: draft.answers,
    language: draft.language,
    issues: issuesByPath(evaluation),
    shown: (path) => checkRound > 0 || left.has(path),
    left: (path) => {
      if (pointerDown.current) waiting.current.push(path);
      else markLeft([path]);
    },
  };

  const check = async (e: Event) => {
    e.preventDefault();
    // The previous verdict goes at once: it spoke of other answers.
    setChecked(undefined);
    const kept = withoutIrrelevant(form, draft.answers, evaluation);
    // Checking is a moment people expect their work to be safe: the draft is written first.
    await draft.flush();
    setChecked(kept);
    setCheckRound((n) => n + 1);
  };

  if (!draft.ready) return <p role="status">{t('app.loading')}</p>;
  return (
    <>
      <p class="form-meta">
        {t('formFill.versionLine', { version, status: t(`formLibrary.status.${status}`) })} · {t('formFill.previewNotice')}
      </p>
      <div class="field form-language">
        <label for="form-language">{t('formFill.language')}</label>
        <select id="form-language" value={draft.language} onChange={(e) => draft.setLanguage(e.currentTarget.value)}>
          {form.languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code === 'default' ? undefined : l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <DraftBar draft={draft} onDiscarded={() => {
        setLeft(new Set());
        setCheckRound(0);
        setChecked(undefined);
      }} />
      <form class="form-fill" noValidate onSubmit={(e) => void check(e)} lang={draft.language === 'default' ? undefined : draft.language}>
        <FormNodes nodes={form.children} scope={rootScope(draft.answers, draft.change)} ctx={ctx} />
        <button type="submit" class="button button-primary">
          {t('formFill.check.button')}
        </button>
      </form>
      {checked && <CheckPanel key={checkRound} formId={formId} version={version} form={form} answers={checked} language={draft.language} round={checkRound} />}
    </>
  );
}
