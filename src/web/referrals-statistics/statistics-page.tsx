import './messages.ts';
import { keepPreviousData, useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { MIN_PERSONS } from '../../domain/referrals/statistics.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { DIMENSIONS, type Dimension, type ReferralStatisticsView, defaultRange, getReferralStatistics, statisticsKeys } from './statistics-api.ts';
import { StatisticsChart } from './statistics-chart.tsx';
import { StatisticsTable } from './statistics-table.tsx';
import './statistics.css';

/**
 * For coordinators and analysts: referral figures by receiving organisation, service type or
 * region over a period. The server hides every row under 11 persons (and one more when a
 * single row is hidden); the page says so in words where the figures would be.
 */
export function ReferralStatisticsPage() {
  const { locale, t } = useI18n();
  const [dimension, setDimension] = useState<Dimension>('toOrganisationId');
  const [range, setRange] = useState(defaultRange);
  const rangeValid = Boolean(range.from && range.to && range.from <= range.to);
  const query = { dimension, ...range };
  const statistics = useQuery({
    queryKey: statisticsKeys.query(query),
    queryFn: () => getReferralStatistics(query, locale),
    enabled: rangeValid,
    // The previous figures stay while the next arrive, so the table does not jump on each change.
    placeholderData: keepPreviousData,
  });

  return (
    <Page id="referral-statistics-title" title={t('referralStatistics.title')}>
      <div class="referral-stats">
        <p class="hint">{t('referralStatistics.intro', { min: MIN_PERSONS })}</p>
        <form class="card stats-controls" onSubmit={(e) => e.preventDefault()}>
          <fieldset class="stats-dimensions">
            <legend>{t('referralStatistics.dimension')}</legend>
            {DIMENSIONS.map((d) => (
              <label key={d} class="stats-choice">
                <input type="radio" name="dimension" value={d} checked={dimension === d} onChange={() => setDimension(d)} />
                <span>{t(`referralStatistics.dimension.${d}`)}</span>
              </label>
            ))}
          </fieldset>
          <div class="stats-range">
            <div class="field">
              <label for="stats-from">{t('referralStatistics.from')}</label>
              <input id="stats-from" type="date" value={range.from} max={range.to || undefined} aria-invalid={!rangeValid} aria-describedby="stats-range-error" onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="stats-to">{t('referralStatistics.to')}</label>
              <input id="stats-to" type="date" value={range.to} min={range.from || undefined} aria-invalid={!rangeValid} aria-describedby="stats-range-error" onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
            </div>
          </div>
          <p id="stats-range-error" class={rangeValid ? 'form-error is-empty' : 'form-error'} role="alert">
            {rangeValid ? null : t('referralStatistics.rangeInvalid')}
          </p>
        </form>
        {rangeValid && <QueryView query={statistics}>{(view) => <Figures view={view} />}</QueryView>}
      </div>
    </Page>
  );
}

function Figures({ view }: { view: ReferralStatisticsView }) {
  const { locale, t } = useI18n();
  const dimensionName = t(`referralStatistics.dimension.${view.dimension}`);
  return (
    <section aria-labelledby="stats-period">
      <div class="stats-period-bar">
        <h2 id="stats-period" class="stats-period">
          {t('referralStatistics.period', { from: formatDate(locale, `${view.from}T12:00:00Z`, 'long'), to: formatDate(locale, `${view.to}T12:00:00Z`, 'long') })}
        </h2>
        <button type="button" class="button button-secondary button-inline stats-print" onClick={() => window.print()}>
          {t('referralStatistics.print')}
        </button>
      </div>
      {view.cells.length === 0 ? (
        <p class="card" role="status">
          {t('referralStatistics.empty')}
        </p>
      ) : (
        <>
          <StatisticsTable view={view} dimensionName={dimensionName} />
          <StatisticsChart view={view} dimensionName={dimensionName} />
        </>
      )}
    </section>
  );
}
