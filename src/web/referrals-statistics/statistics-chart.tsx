import { useI18n } from '../i18n/i18n.ts';
import type { ReferralStatisticsView } from './statistics-api.ts';

/**
 * Referrals per row as plain CSS bars: a list a screen reader reads as sentences, with the
 * bars hidden from it. No chart library for one bar chart (it would weigh more than the page).
 * A hidden row keeps its place, with no bar and the word "hidden", so its size cannot be
 * read off the picture either.
 */
export function StatisticsChart({ view, dimensionName }: { view: ReferralStatisticsView; dimensionName: string }) {
  const { t } = useI18n();
  const largest = Math.max(1, ...view.cells.map((c) => c.figures?.referrals ?? 0));
  return (
    <figure class="card stats-chart" aria-labelledby="stats-chart-title">
      <figcaption id="stats-chart-title" class="stats-caption">
        {t('referralStatistics.chartTitle', { dimension: dimensionName })}
      </figcaption>
      <ul>
        {view.cells.map((cell) => (
          <li key={cell.key} data-cell={cell.key}>
            {cell.figures ? (
              <>
                <span class="stats-bar-label">{t('referralStatistics.chartItem', { label: cell.label, count: cell.figures.referrals })}</span>
                <span class="stats-bar-track" aria-hidden="true">
                  <span class="stats-bar" style={{ width: `${(cell.figures.referrals / largest) * 100}%` }} />
                </span>
              </>
            ) : (
              <span class="stats-bar-label">
                {cell.label} — {t('referralStatistics.hiddenShort')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}
