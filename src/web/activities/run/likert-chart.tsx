import { formatNumber } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { ActivityResults } from './run-api.ts';

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * Satisfaction, item by item: the mean on 1–5 and a bar split into the five levels, drawn as
 * inline SVG. The bars are hidden from screen readers; each item says its counts in words.
 */
export function LikertChart({ satisfaction }: { satisfaction: NonNullable<ActivityResults['satisfaction']> }) {
  const { locale, t } = useI18n();
  const label = (id: string) => satisfaction.labels.find((l) => l.id === id)?.label ?? id;
  const one = (x: number) => formatNumber(locale, Math.round(x * 10) / 10);
  return (
    <figure class="run-figure" aria-labelledby="likert-title">
      <figcaption id="likert-title">{t('activityRun.results.satisfactionChart')}</figcaption>
      <p class="run-legend" aria-hidden="true">
        {LEVELS.map((level) => (
          <span key={level} class="run-legend-item">
            <span class={`run-swatch run-level-${level}`} /> {t('activityRun.results.level', { level })}
          </span>
        ))}
      </p>
      <ul class="run-likert">
        {satisfaction.items.map((item) => (
          <li key={item.itemId} data-item={item.itemId}>
            <p class="run-likert-label">
              {label(item.itemId)} — {item.mean === null ? t('activityRun.results.noAnswer') : t('activityRun.results.likertMean', { mean: one(item.mean), n: item.n })}
            </p>
            <p class="run-sr">{t('activityRun.results.likertCounts', { c1: item.counts[0] ?? 0, c2: item.counts[1] ?? 0, c3: item.counts[2] ?? 0, c4: item.counts[3] ?? 0, c5: item.counts[4] ?? 0 })}</p>
            <svg class="run-svg run-likert-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              {(() => {
                let x = 0;
                return LEVELS.map((level) => {
                  const width = item.n === 0 ? 0 : ((item.counts[level - 1] ?? 0) / item.n) * 100;
                  const rect = <rect key={level} x={x} y={0} width={width} height={8} class={`run-level-${level}`} />;
                  x += width;
                  return rect;
                });
              })()}
            </svg>
          </li>
        ))}
      </ul>
    </figure>
  );
}
