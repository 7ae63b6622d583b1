import { useI18n } from '../../i18n/i18n.ts';
import { kindKey } from './labels.ts';

const WIDTH = 320;
const HEIGHT = 170;
const TOP = 10;
const BOTTOM = 22;
const LEFT = 4;

/**
 * How the test totals spread, before and after: ten bins of 10 %, two bars each, drawn by hand
 * in SVG (no chart library for one small chart). The picture is hidden from screen readers;
 * a table beside it, hidden from sight, says the same.
 */
export function Histogram({ pre, post }: { pre: readonly number[]; post: readonly number[] }) {
  const { t } = useI18n();
  const largest = Math.max(1, ...pre, ...post);
  const bins = pre.length;
  const slot = (WIDTH - LEFT) / bins;
  const bar = (slot - 6) / 2;
  const plot = HEIGHT - TOP - BOTTOM;
  const range = (i: number) => t('activityRun.results.rangeValue', { from: i * 10, to: i === bins - 1 ? 100 : i * 10 + 9 });
  return (
    <figure class="run-figure" aria-labelledby="histogram-title">
      <figcaption id="histogram-title">{t('activityRun.results.histogram')}</figcaption>
      <p class="run-legend" aria-hidden="true">
        <span class="run-swatch run-fill-pre" /> {t(kindKey('pre'))}
        <span class="run-swatch run-fill-post" /> {t(kindKey('post'))}
      </p>
      <svg class="run-svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation" aria-hidden="true" focusable="false">
        <line x1={LEFT} x2={WIDTH} y1={TOP + plot} y2={TOP + plot} class="run-axis" />
        {pre.map((count, i) => {
          const x = LEFT + i * slot + 3;
          const hPre = (count / largest) * plot;
          const hPost = ((post[i] ?? 0) / largest) * plot;
          return (
            <g key={i}>
              <rect x={x} y={TOP + plot - hPre} width={bar} height={hPre} class="run-fill-pre" />
              <rect x={x + bar} y={TOP + plot - hPost} width={bar} height={hPost} class="run-fill-post" />
              <text x={x + bar} y={HEIGHT - 6} text-anchor="middle" class="run-tick">
                {i * 10}
              </text>
            </g>
          );
        })}
      </svg>
      {/* Hidden from sight in a box: a table cannot be made narrower than its content. */}
      <div class="run-sr">
        <table>
          <caption>{t('activityRun.results.histogram')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activityRun.results.range')}</th>
              <th scope="col">{t(kindKey('pre'))}</th>
              <th scope="col">{t(kindKey('post'))}</th>
            </tr>
          </thead>
          <tbody>
            {pre.map((count, i) => (
              <tr key={i}>
                <th scope="row">{range(i)}</th>
                <td>{count}</td>
                <td>{post[i] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
