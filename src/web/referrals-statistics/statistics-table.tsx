import { formatNumber } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { formatDuration, formatRate } from './format.ts';
import type { ReferralStatisticsView, StatisticsFigures } from './statistics-api.ts';

const COLUMNS = ['referrals', 'persons', 'acceptance', 'timeToAnswer', 'timeToCompletion', 'overdue'] as const;

/**
 * One row per cell, the total last. A hidden row says why across its figures' columns, so a
 * screen reader hears the reason rather than six empty cells. On a phone the table scrolls
 * sideways under its first column, as the coverage table does.
 */
export function StatisticsTable({ view, dimensionName }: { view: ReferralStatisticsView; dimensionName: string }) {
  const { t } = useI18n();
  return (
    <>
      <h3 id="stats-table-caption" class="stats-caption">
        {t('referralStatistics.tableCaption', { dimension: dimensionName })}
      </h3>
      <p class="hint stats-scroll-hint">{t('referralStatistics.scrollHint')}</p>
      {/* Focusable so a keyboard can scroll it sideways. */}
      <div class="stats-scroll" role="region" aria-labelledby="stats-table-caption" tabIndex={0}>
        <table class="stats-table" aria-labelledby="stats-table-caption">
          <thead>
            <tr>
              <th scope="col">{dimensionName}</th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col">
                  {t(`referralStatistics.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.cells.map((cell) => (
              <Row key={cell.key} label={cell.label} figures={cell.figures} minPersons={view.minPersons} dataKey={cell.key} />
            ))}
          </tbody>
          <tfoot>
            <Row label={t('referralStatistics.total')} figures={view.total.figures} minPersons={view.minPersons} dataKey="total" />
          </tfoot>
        </table>
      </div>
    </>
  );
}

function Row({ label, figures, minPersons, dataKey }: { label: string; figures: StatisticsFigures | null; minPersons: number; dataKey: string }) {
  const { locale, t } = useI18n();
  if (!figures) {
    return (
      <tr data-cell={dataKey} class="is-hidden-cell">
        <th scope="row">{label}</th>
        <td colSpan={COLUMNS.length} class="stats-hidden">
          {t('referralStatistics.hidden', { min: minPersons })}
        </td>
      </tr>
    );
  }
  // A dash for the eye, words for a screen reader.
  const noAnswer = (
    <>
      <span aria-hidden="true">—</span>
      <span class="stats-sr">{t('referralStatistics.noneLabel')}</span>
    </>
  );
  return (
    <tr data-cell={dataKey}>
      <th scope="row">{label}</th>
      <td>{formatNumber(locale, figures.referrals)}</td>
      <td>{formatNumber(locale, figures.persons)}</td>
      <td>{figures.acceptanceRate === null ? noAnswer : formatRate(locale, figures.acceptanceRate)}</td>
      <td>{figures.medianHoursToAnswer === null ? noAnswer : formatDuration(locale, t, figures.medianHoursToAnswer)}</td>
      <td>{figures.medianHoursToCompletion === null ? noAnswer : formatDuration(locale, t, figures.medianHoursToCompletion)}</td>
      <td>{formatNumber(locale, figures.overdue)}</td>
    </tr>
  );
}
