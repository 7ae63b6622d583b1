import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONT_FILES = [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];

/**
 * The report's charts: grouped vertical bars, drawn as SVG by plain code (no chart library for
 * two bar charts), then turned into PNG by resvg for the DOCX and the PDF, which embed pictures.
 * DejaVu Sans draws the labels, so Bambara letters print; the system's fonts are never read,
 * so the picture is the same on every server.
 */
export interface BarChart {
  title: string;
  /** One label per group along the axis: "Jour 1", "0–9 %"… */
  groups: string[];
  /** One series per colour; `values[i]` belongs to `groups[i]`. */
  series: { label: string; values: number[] }[];
}

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
/** Dark to light, distinct also when printed in grey. */
const COLOURS = ['#0b4f6c', '#d1495b', '#edae49', '#66a182', '#6c757d'];
const PAD = { top: 48, right: 16, bottom: 64, left: 48 };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A round step for the vertical axis: 1, 2, 5, 10, 20, 50… */
function niceStep(max: number): number {
  const rough = Math.max(1, max) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  return Math.max(1, step);
}

export function barChartSvg(chart: BarChart): string {
  const plotW = CHART_WIDTH - PAD.left - PAD.right;
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values));
  const step = niceStep(max);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const groupW = plotW / Math.max(1, chart.groups.length);
  const barW = Math.min(48, (groupW * 0.8) / Math.max(1, chart.series.length));
  const parts: string[] = [];
  parts.push(`<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${CHART_WIDTH / 2}" y="22" font-size="16" font-weight="bold" text-anchor="middle" fill="#111111">${escape(chart.title)}</text>`);
  for (let v = 0; v <= top; v += step) {
    parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(v)}" stroke="#cccccc" stroke-width="1"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#333333">${v}</text>`);
  }
  chart.groups.forEach((group, g) => {
    const x0 = PAD.left + g * groupW + (groupW - barW * chart.series.length) / 2;
    chart.series.forEach((s, i) => {
      const value = s.values[g] ?? 0;
      const x = x0 + i * barW;
      if (value > 0) {
        parts.push(`<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(PAD.top + plotH - y(value)).toFixed(1)}" fill="${COLOURS[i % COLOURS.length]}"/>`);
        parts.push(`<text x="${(x + (barW - 2) / 2).toFixed(1)}" y="${(y(value) - 3).toFixed(1)}" font-size="10" text-anchor="middle" fill="#111111">${value}</text>`);
      }
    });
    parts.push(`<text x="${(PAD.left + g * groupW + groupW / 2).toFixed(1)}" y="${PAD.top + plotH + 16}" font-size="11" text-anchor="middle" fill="#111111">${escape(group)}</text>`);
  });
  parts.push(`<line x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}" stroke="#111111" stroke-width="1"/>`);
  // Legend in one row under the axis labels.
  let lx = PAD.left;
  const ly = CHART_HEIGHT - 18;
  chart.series.forEach((s, i) => {
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`);
    parts.push(`<text x="${lx + 16}" y="${ly}" font-size="12" fill="#111111">${escape(s.label)}</text>`);
    lx += 28 + s.label.length * 7.5;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" role="img" font-family="DejaVu Sans"><title>${escape(chart.title)}</title>${parts.join('')}</svg>`;
}

/** Twice the drawing's size, so it stays sharp when printed at the page's width. */
export function chartPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' }, fitTo: { mode: 'width', value: CHART_WIDTH * 2 } });
  return Buffer.from(resvg.render().asPng());
}
