import './messages.ts';
import { useQuery } from '@tanstack/preact-query';
import { useI18n } from '../../i18n/i18n.ts';
import { QueryView } from '../../ui/query-view.tsx';
import { AttendanceTotalsView } from './attendance-totals.tsx';
import { KnowledgeResults } from './knowledge-results.tsx';
import { LikertChart } from './likert-chart.tsx';
import { RunFrame, type RunContext } from './run-frame.tsx';
import { getResults, runKeys } from './run-api.ts';

/** The figures of the activity: who came, what was learnt, how satisfied people were. */
export function ResultsPage() {
  return <RunFrame screen="results">{(ctx) => <Results ctx={ctx} />}</RunFrame>;
}

function Results({ ctx }: { ctx: RunContext }) {
  const { locale, t } = useI18n();
  const results = useQuery({ queryKey: runKeys.results(ctx.detail.id, locale), queryFn: () => getResults(ctx.detail.id, locale) });
  return (
    <QueryView query={results}>
      {(data) => (
        <>
          <AttendanceTotalsView totals={data.attendance} idPrefix="results" />
          {data.knowledge && data.knowledge.pre.n + data.knowledge.post.n > 0 ? (
            <KnowledgeResults knowledge={data.knowledge} questions={data.questions} />
          ) : (
            <section class="card" aria-labelledby="knowledge-title">
              <h2 id="knowledge-title">{t('activityRun.results.knowledge')}</h2>
              <p>{t('activityRun.results.noTests')}</p>
            </section>
          )}
          <section class="card" aria-labelledby="satisfaction-title">
            <h2 id="satisfaction-title">{t('activityRun.results.satisfaction')}</h2>
            {data.satisfaction && data.satisfaction.items.length > 0 ? <LikertChart satisfaction={data.satisfaction} /> : <p>{t('activityRun.results.noSurveys')}</p>}
          </section>
        </>
      )}
    </QueryView>
  );
}
