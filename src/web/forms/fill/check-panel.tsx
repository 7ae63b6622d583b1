import { useMutation } from '@tanstack/preact-query';
import { useEffect } from 'preact/hooks';
import type { Answers } from '../../../domain/forms/answers.ts';
import { type FormDefinition, questions } from '../../../domain/forms/definition.ts';
import { type AnswerIssue, evaluateForm } from '../../../domain/forms/evaluate.ts';
import { scoreAnswers } from '../../../domain/forms/scoring.ts';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useSession } from '../../identity/session-store.tsx';
import { type ServerIssue, validateOnServer } from '../forms-api.ts';
import { formText, issueMessage } from '../renderer/form-text.ts';

interface Props {
  formId: string;
  version: number;
  form: FormDefinition;
  /** The answers as they would be kept: without what does not apply (`withoutIrrelevant`). */
  answers: Answers;
  language: string;
  /** Changes on each "check": asks the server again. */
  round: number;
}

type Keyed = { path: string; code: string };
const key = (i: Keyed) => `${i.path} ${i.code}`;

function sameIssues(a: readonly Keyed[], b: readonly Keyed[]): boolean {
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/**
 * "Check answers": the browser's verdict next to the server's for the same answers. They run
 * the same `evaluateForm`, so they must agree; a difference is shown, not hidden.
 */
export function CheckPanel({ formId, version, form, answers, language, round }: Props) {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const csrfToken = state.status === 'signedIn' ? state.user.csrfToken : '';
  const server = useMutation({ mutationFn: (sent: Answers) => validateOnServer(formId, version, sent, locale, csrfToken) });
  const browser = evaluateForm(form, answers);
  const scored = questions(form).some((q) => q.scoring);
  const score = scored ? scoreAnswers(form, answers) : undefined;

  useEffect(() => {
    server.mutate(answers);
    // Asked once per "check" (the panel is remade for each), with the answers of that moment.
  }, []);

  const labelOf = (path: string) => {
    const name = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '');
    const node = questions(form).find((q) => q.name === name);
    const instance = /\[(\d+)\]\.[^.]*$/.exec(path);
    const label = formText(form, node?.label, language) ?? name;
    return instance ? t('formFill.check.inInstance', { label, number: Number(instance[1]) + 1 }) : label;
  };
  const list = (issues: readonly (AnswerIssue | ServerIssue)[], testId: string) => (
    <ul class="form-check-list" data-verdict={testId}>
      {issues.map((i) => (
        <li key={key(i)} data-path={i.path} data-issue={i.code}>
          {t('formFill.check.line', { label: labelOf(i.path), message: issueMessage(form, { code: i.code as AnswerIssue['code'], ...(i.message ? { message: i.message } : {}) }, language, t) })}
        </li>
      ))}
    </ul>
  );

  const failure = server.error instanceof ApiFailure ? server.error.problem : server.isError ? ({ kind: 'network' } as const) : undefined;
  const verdict = server.data;
  return (
    <section class="card form-check-panel" aria-labelledby="check-title" aria-live="polite" data-round={round}>
      <h2 id="check-title">{t('formFill.check.title')}</h2>
      <p data-verdict-summary="browser">{browser.issues.length === 0 ? t('formFill.check.browserValid') : t('formFill.check.browserIssues', { count: browser.issues.length })}</p>
      {list(browser.issues, 'browser')}
      {score && <p data-score="browser">{t('formFill.check.score', { total: score.total, max: score.max, percentage: score.percentage ?? 0 })}</p>}
      {server.isPending && <p role="status">{t('formFill.check.asking')}</p>}
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {verdict && (
        <>
          <p data-verdict-summary="server">{verdict.issues.length === 0 ? t('formFill.check.serverValid') : t('formFill.check.serverIssues', { count: verdict.issues.length })}</p>
          {scored && <p data-score="server">{t('formFill.check.serverScore', { total: verdict.score.total, max: verdict.score.max, percentage: verdict.score.percentage ?? 0 })}</p>}
          {sameIssues(browser.issues, verdict.issues) && (!score || score.total === verdict.score.total) ? (
            <p class="form-agree" data-agree="true">
              {t('formFill.check.agree')}
            </p>
          ) : (
            <div class="form-error" data-agree="false">
              <p>{t('formFill.check.disagree')}</p>
              {list(verdict.issues, 'server')}
            </div>
          )}
        </>
      )}
    </section>
  );
}
