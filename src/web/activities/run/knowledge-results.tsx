import type { KnowledgeEvaluation } from '../../../domain/activities/evaluation.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { Histogram } from './histogram.tsx';
import { NONE, formatPercent } from './labels.ts';
import type { ActivityResults } from './run-api.ts';

/**
 * What the knowledge tests show: how many were taken, the mean before and after, the gain of
 * those who took both (the only fair comparison), then question by question.
 */
export function KnowledgeResults({ knowledge, questions }: { knowledge: KnowledgeEvaluation; questions: ActivityResults['questions'] }) {
  const { locale, t } = useI18n();
  const one = (x: number) => formatNumber(locale, Math.round(x * 10) / 10);
  const percent = (x: number | null) => (x === null ? NONE : formatPercent(locale, x));
  const { pre, post, gain } = knowledge;
  const ids = [...new Set([...questions.map((q) => q.id), ...pre.questions.map((q) => q.questionId), ...post.questions.map((q) => q.questionId)])];
  const label = (id: string) => questions.find((q) => q.id === id)?.label ?? id;
  const share = (list: KnowledgeEvaluation['pre']['questions'], id: string) => {
    const q = list.find((x) => x.questionId === id);
    return q ? formatPercent(locale, q.shareCorrect * 100) : NONE;
  };
  return (
    <section class="card" aria-labelledby="knowledge-title">
      <h2 id="knowledge-title">{t('activityRun.results.knowledge')}</h2>
      <dl class="facts run-facts">
        <dt>{t('activityRun.results.nPre')}</dt>
        <dd data-testid="n-pre">{formatNumber(locale, pre.n)}</dd>
        <dt>{t('activityRun.results.nPost')}</dt>
        <dd data-testid="n-post">{formatNumber(locale, post.n)}</dd>
        <dt>{t('activityRun.results.meanPre')}</dt>
        <dd data-testid="mean-pre">{percent(pre.meanPercent)}</dd>
        <dt>{t('activityRun.results.meanPost')}</dt>
        <dd data-testid="mean-post">{percent(post.meanPercent)}</dd>
        <dt>{t('activityRun.results.paired')}</dt>
        <dd data-testid="paired">{formatNumber(locale, gain.nPaired)}</dd>
        <dt>{t('activityRun.results.gain')}</dt>
        <dd data-testid="gain">{gain.meanPercentagePoints === null ? NONE : t('activityRun.results.points', { value: (gain.meanPercentagePoints > 0 ? '+' : '') + one(gain.meanPercentagePoints) })}</dd>
        <dt>{t('activityRun.results.improved')}</dt>
        <dd data-testid="improved">{formatNumber(locale, gain.improved)}</dd>
        <dt>{t('activityRun.results.same')}</dt>
        <dd data-testid="same">{formatNumber(locale, gain.same)}</dd>
        <dt>{t('activityRun.results.worse')}</dt>
        <dd data-testid="worse">{formatNumber(locale, gain.worse)}</dd>
      </dl>
      {knowledge.ambiguousCodes.length > 0 && <p class="hint">{t('activityRun.results.ambiguous', { codes: knowledge.ambiguousCodes.join(', ') })}</p>}
      {ids.length > 0 && (
        <div class="run-scroll" tabIndex={0} role="region" aria-label={t('activityRun.results.questions')}>
          <table class="run-table run-questions">
            <caption>{t('activityRun.results.questions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activityRun.results.question')}</th>
                <th scope="col">{t('activityRun.results.correctPre')}</th>
                <th scope="col">{t('activityRun.results.correctPost')}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((id) => (
                <tr key={id} data-question={id}>
                  <th scope="row">{label(id)}</th>
                  <td>{share(pre.questions, id)}</td>
                  <td>{share(post.questions, id)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Histogram pre={pre.histogram} post={post.histogram} />
    </section>
  );
}
