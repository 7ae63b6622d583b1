import { useMutation, useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { ConfirmInPlace } from '../../ui/confirm-in-place.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { kindKey, sourceKey } from './labels.ts';
import type { RunContext } from './run-frame.tsx';
import { type EvaluationView, getEvaluations, runCommand, runKeys } from './run-api.ts';

/** The questionnaires entered so far, newest first; a mistaken entry is deleted after a confirmation. */
export function EvaluationList({ ctx }: { ctx: RunContext }) {
  const { locale, t } = useI18n();
  const evaluations = useQuery({ queryKey: runKeys.evaluations(ctx.detail.id), queryFn: () => getEvaluations(ctx.detail.id, locale) });
  return (
    <QueryView query={evaluations}>
      {(data) => (
        <section class="card" aria-labelledby="evaluation-list-title">
          <h2 id="evaluation-list-title">{t('activityRun.list.title', { count: data.items.length })}</h2>
          {data.items.length === 0 ? (
            <p>{t('activityRun.list.none')}</p>
          ) : (
            <ul class="run-list">
              {[...data.items]
                .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
                .map((e) => (
                  <EvaluationRow key={e.id} ctx={ctx} evaluation={e} />
                ))}
            </ul>
          )}
        </section>
      )}
    </QueryView>
  );
}

function EvaluationRow({ ctx, evaluation: e }: { ctx: RunContext; evaluation: EvaluationView }) {
  const { locale, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => runCommand('activity.delete_evaluation', { activityId: ctx.detail.id, evaluationId: e.id }, locale, ctx.me.csrfToken),
    onSuccess: () => ctx.refresh(),
  });
  const failure = remove.error instanceof ApiFailure ? remove.error.problem : undefined;
  const kind = t(kindKey(e.kind));
  const who = e.participantCode ?? t('activityRun.list.noCode');
  return (
    <li class="run-item" data-evaluation={e.id}>
      <p>
        <strong>{kind}</strong> · <span class="run-code">{who}</span>
      </p>
      <p>
        {/* A survey has no marks: no score rather than "0 out of 0". */}
        {e.score !== null && e.maxScore ? t('activityRun.list.score', { score: formatNumber(locale, e.score), max: formatNumber(locale, e.maxScore) }) : t('activityRun.list.noScore')}
        {' · '}
        {t(sourceKey(e.source))}
      </p>
      <p class="hint">{formatDateTime(locale, e.createdAt)}</p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {ctx.editable &&
        (confirming ? (
          <ConfirmInPlace
            question={t('activityRun.list.deleteConfirm', { kind, code: who })}
            yes={t('activityRun.list.delete')}
            no={t('activityRun.cancel')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="button button-secondary" aria-label={t('activityRun.list.deleteName', { kind, code: who })} onClick={() => setConfirming(true)}>
            {t('activityRun.list.delete')}
          </button>
        ))}
    </li>
  );
}
