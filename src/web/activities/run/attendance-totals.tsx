import type { MessageKey } from '../../../domain/i18n/translate.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { AGE_BANDS, PARTICIPANT_CATEGORIES, SEXES, ageBandKey, categoryKey, sexKey } from './labels.ts';
import type { AttendanceTotals } from './run-api.ts';

type Breakdown = AttendanceTotals['overall'];
type Dimension = 'bySex' | 'byAgeBand' | 'byCategory';

const DIMENSIONS: readonly { dimension: Dimension; codes: readonly string[]; label: (code: string) => MessageKey }[] = [
  { dimension: 'bySex', codes: SEXES, label: sexKey },
  { dimension: 'byAgeBand', codes: AGE_BANDS, label: ageBandKey },
  { dimension: 'byCategory', codes: PARTICIPANT_CATEGORIES, label: categoryKey },
];

/**
 * Who came, overall and day by day, by sex, age band and category: one table per dimension,
 * a column per day. Rows where nobody came are left out so the table fits a phone; the
 * overall figure says how it was counted (distinct persons, or the busiest day).
 */
export function AttendanceTotalsView({ totals, idPrefix }: { totals: AttendanceTotals; idPrefix: string }) {
  const { locale, t } = useI18n();
  const n = (value: number) => formatNumber(locale, value);
  const columns: { key: string; label: string; breakdown: Breakdown }[] = [
    { key: 'overall', label: t('activityRun.totals.overall'), breakdown: totals.overall },
    ...totals.days.map((d) => ({ key: `day-${d.day}`, label: t('activityRun.day', { day: d.day }), breakdown: d })),
  ];
  return (
    <section class="card run-totals" aria-labelledby={`${idPrefix}-totals-title`}>
      <h2 id={`${idPrefix}-totals-title`}>{t('activityRun.totals.title')}</h2>
      <p class="run-total-line" data-testid="attendance-overall">
        {t(totals.overallMethod === 'distinct_participants' ? 'activityRun.totals.distinct' : 'activityRun.totals.busiestDay', { count: totals.overall.total })}
      </p>
      <ul class="run-day-totals">
        {totals.days.map((d) => (
          <li key={d.day} data-day={d.day}>
            {t('activityRun.totals.dayLine', { day: d.day, count: d.total })}
          </li>
        ))}
      </ul>
      <p class="hint">{t('activityRun.totals.participantDays', { count: totals.participantDays })}</p>
      {totals.overall.total > 0 &&
        DIMENSIONS.map(({ dimension, codes, label }) => {
          const rows = codes.filter((code) => columns.some((c) => (c.breakdown[dimension] as Record<string, number>)[code]! > 0));
          const caption = t(`activityRun.totals.${dimension}`);
          return (
            <div key={dimension} class="run-scroll" tabIndex={0} role="region" aria-label={caption}>
              <table class="run-table">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('activityRun.totals.group')}</th>
                    {columns.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((code) => (
                    <tr key={code}>
                      <th scope="row">{t(label(code))}</th>
                      {columns.map((c) => (
                        <td key={c.key}>{n((c.breakdown[dimension] as Record<string, number>)[code] ?? 0)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('activityRun.totals.total')}</th>
                    {columns.map((c) => (
                      <td key={c.key}>{n(c.breakdown.total)}</td>
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
          );
        })}
    </section>
  );
}
