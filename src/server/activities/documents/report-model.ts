import { AGE_BANDS, SEXES } from '../../../domain/cases/identity.ts';
import { type Breakdown, PARTICIPANT_CATEGORIES } from '../../../domain/activities/attendance.ts';
import { HISTOGRAM_BINS } from '../../../domain/activities/evaluation.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { type BarChart, barChartSvg } from './chart.ts';
import type { ActivityReportData } from './report-data.ts';
import {
  ageBandLabel,
  audienceLabel,
  categoryLabel,
  dateOfDay,
  exerciseLabel,
  formatDates,
  formatDay,
  formatDecimal,
  formatGain,
  formatInteger,
  sexLabel,
  tr,
  typeLabel,
} from './words.ts';

/**
 * The activity report as a list of blocks, in one language. The DOCX and the PDF both draw
 * this same list, so the two files always say the same thing; the figures are formatted here
 * once (Intl, one decimal for means).
 */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** `label` carries its colon, as the language writes it ("Lieu :", "Place:"). */
  | { kind: 'field'; label: string; value: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'note'; text: string }
  /** `numeric` columns are right-aligned. */
  | { kind: 'table'; header: string[]; rows: string[][]; numeric: boolean[]; widths: number[] }
  | { kind: 'chart'; chart: BarChart; svg: string }
  | { kind: 'pageBreak' };

export interface ReportModel {
  documentTitle: string;
  activityTitle: string;
  blocks: ReportBlock[];
}

/** Shares of widths that sum to 1, given as relative weights. */
const widths = (...weights: number[]) => {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
};

function place(data: ActivityReportData): string {
  return [data.venue, data.regionName].filter((p): p is string => !!p && p.length > 0).join(', ') || data.locationPcode;
}

/** Text typed by people: one paragraph per blank-line-separated block. */
function paragraphs(text: string): ReportBlock[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}

export function generatedSummary(data: ActivityReportData, locale: Locale): string {
  const overall = data.attendance.overall;
  return tr(locale, 'summary.generated', {
    type: typeLabel(locale, data.type),
    place: place(data),
    dates: formatDates(locale, data.startDate, data.endDate),
    participants: overall.total,
    women: overall.bySex.female,
  });
}

function breakdownTable(data: ActivityReportData, locale: Locale, pick: (b: Breakdown) => Record<string, number>, keys: readonly string[], label: (k: string) => string, keepZeros: readonly string[]): ReportBlock {
  const days = Array.from({ length: data.days }, (_, i) => i + 1);
  const byDay = new Map(data.attendance.days.map((d) => [d.day, d]));
  const cell = (b: Breakdown | undefined, k: string) => (b ? (pick(b)[k] ?? 0) : 0);
  const rows = keys
    .filter((k) => keepZeros.includes(k) || cell(data.attendance.overall, k) > 0 || days.some((d) => cell(byDay.get(d), k) > 0))
    .map((k) => [label(k), ...days.map((d) => formatInteger(locale, cell(byDay.get(d), k))), formatInteger(locale, cell(data.attendance.overall, k))]);
  rows.push([tr(locale, 'participation.total'), ...days.map((d) => formatInteger(locale, byDay.get(d)?.total ?? 0)), formatInteger(locale, data.attendance.overall.total)]);
  return {
    kind: 'table',
    header: ['', ...days.map((d) => tr(locale, 'day', { n: d })), tr(locale, 'participation.overall')],
    rows,
    numeric: [false, ...days.map(() => true), true],
    widths: widths(3, ...days.map(() => 1), 1.4),
  };
}

function participation(data: ActivityReportData, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: tr(locale, 'section.participation') }];
  const method = data.attendance.overallMethod === 'distinct_participants' ? 'method.distinct' : 'method.busiestDay';
  blocks.push({ kind: 'paragraph', text: tr(locale, method, { participants: data.attendance.overall.total, participantDays: data.attendance.participantDays }) });
  blocks.push({ kind: 'subheading', text: tr(locale, 'participation.bySex') });
  blocks.push(breakdownTable(data, locale, (b) => b.bySex, SEXES, (k) => sexLabel(locale, k as (typeof SEXES)[number]), ['female', 'male']));
  const days = Array.from({ length: data.days }, (_, i) => i + 1);
  const byDay = new Map(data.attendance.days.map((d) => [d.day, d]));
  const sexes = SEXES.filter((s) => s === 'female' || s === 'male' || data.attendance.overall.bySex[s] > 0);
  const chart: BarChart = {
    title: tr(locale, 'chart.perDay'),
    groups: days.map((d) => tr(locale, 'day', { n: d })),
    series: sexes.map((s) => ({ label: sexLabel(locale, s), values: days.map((d) => byDay.get(d)?.bySex[s] ?? 0) })),
  };
  blocks.push({ kind: 'chart', chart, svg: barChartSvg(chart) });
  blocks.push({ kind: 'subheading', text: tr(locale, 'participation.byAgeBand') });
  blocks.push(breakdownTable(data, locale, (b) => b.byAgeBand, AGE_BANDS, (k) => ageBandLabel(locale, k as (typeof AGE_BANDS)[number]), []));
  blocks.push({ kind: 'subheading', text: tr(locale, 'participation.byCategory') });
  blocks.push(breakdownTable(data, locale, (b) => b.byCategory, PARTICIPANT_CATEGORIES, (k) => categoryLabel(locale, k), []));
  return blocks;
}

function evaluation(data: ActivityReportData, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'heading', text: tr(locale, 'section.evaluation') }];
  blocks.push({ kind: 'subheading', text: tr(locale, 'evaluation.knowledge') });
  const k = data.knowledge;
  if (!k) blocks.push({ kind: 'paragraph', text: tr(locale, 'evaluation.noTests') });
  else {
    const g = k.gain;
    const figure = (label: string, value: string) => [tr(locale, label), value];
    blocks.push({
      kind: 'table',
      header: [tr(locale, 'evaluation.figure'), tr(locale, 'evaluation.value')],
      rows: [
        figure('evaluation.preTested', formatInteger(locale, k.pre.n)),
        figure('evaluation.preMean', formatDecimal(locale, k.pre.meanPercent)),
        figure('evaluation.postTested', formatInteger(locale, k.post.n)),
        figure('evaluation.postMean', formatDecimal(locale, k.post.meanPercent)),
        figure('evaluation.paired', formatInteger(locale, g.nPaired)),
        figure('evaluation.gainPoints', formatGain(locale, g.meanPoints)),
        figure('evaluation.gainPercentagePoints', formatGain(locale, g.meanPercentagePoints)),
        figure('evaluation.improved', formatInteger(locale, g.improved)),
        figure('evaluation.same', formatInteger(locale, g.same)),
        figure('evaluation.worse', formatInteger(locale, g.worse)),
      ],
      numeric: [false, true],
      widths: widths(3, 1),
    });
    const pre = new Map(k.pre.questions.map((q) => [q.questionId, q]));
    const post = new Map(k.post.questions.map((q) => [q.questionId, q]));
    const ids = [...new Set([...data.questions.map((q) => q.id), ...pre.keys(), ...post.keys()])];
    const labelOf = new Map(data.questions.map((q) => [q.id, q.label]));
    const share = (q: { shareCorrect: number } | undefined) => (q ? formatDecimal(locale, q.shareCorrect * 100) : '—');
    blocks.push({ kind: 'subheading', text: tr(locale, 'evaluation.perQuestion') });
    blocks.push({
      kind: 'table',
      header: [tr(locale, 'evaluation.question'), tr(locale, 'evaluation.preCorrect'), tr(locale, 'evaluation.postCorrect')],
      rows: ids.map((id, i) => [`${i + 1}. ${labelOf.get(id) ?? id}`, share(pre.get(id)), share(post.get(id))]),
      numeric: [false, true, true],
      widths: widths(5, 1.2, 1.2),
    });
    const chart: BarChart = {
      title: tr(locale, 'chart.distribution'),
      groups: Array.from({ length: HISTOGRAM_BINS }, (_, i) => tr(locale, 'chart.bin', { from: i * 10, to: i === HISTOGRAM_BINS - 1 ? 100 : i * 10 + 9 })),
      series: [
        { label: tr(locale, 'chart.pre'), values: k.pre.histogram },
        { label: tr(locale, 'chart.post'), values: k.post.histogram },
      ],
    };
    blocks.push({ kind: 'chart', chart, svg: barChartSvg(chart) });
  }
  blocks.push({ kind: 'subheading', text: tr(locale, 'evaluation.satisfaction') });
  const s = data.satisfaction;
  if (!s) blocks.push({ kind: 'paragraph', text: tr(locale, 'evaluation.noSatisfaction') });
  else {
    const labelOf = new Map(s.labels.map((l) => [l.id, l.label]));
    blocks.push({
      kind: 'table',
      header: [tr(locale, 'evaluation.item'), tr(locale, 'evaluation.meanOutOf5'), tr(locale, 'evaluation.answers')],
      rows: s.items.map((item) => [labelOf.get(item.itemId) ?? item.itemId, formatDecimal(locale, item.mean), formatInteger(locale, item.n)]),
      numeric: [false, true, true],
      widths: widths(5, 1.2, 1),
    });
  }
  return blocks;
}

function annex(data: ActivityReportData, locale: Locale): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'pageBreak' }, { kind: 'heading', text: tr(locale, 'section.annex') }];
  if (data.attendanceMode === 'anonymous') {
    blocks.push({ kind: 'paragraph', text: tr(locale, 'annex.anonymous') });
    return blocks;
  }
  blocks.push({ kind: 'note', text: tr(locale, 'annex.intro') });
  blocks.push({
    kind: 'table',
    header: [tr(locale, 'column.code'), tr(locale, 'column.name'), tr(locale, 'column.sex'), tr(locale, 'column.ageBand'), tr(locale, 'column.category'), tr(locale, 'column.daysPresent')],
    rows: data.participants.map((p) => [
      p.participantCode,
      // Only a person who agreed to be named is named, whatever was typed on the sheet.
      p.consentToBeNamed && p.name ? p.name : tr(locale, 'annex.notNamed'),
      sexLabel(locale, p.sex),
      ageBandLabel(locale, p.ageBand),
      categoryLabel(locale, p.category),
      p.days.length > 0 ? p.days.join(', ') : tr(locale, 'annex.absent'),
    ]),
    numeric: [false, false, false, false, false, false],
    widths: widths(1.6, 2.4, 1, 1.1, 1.8, 1),
  });
  return blocks;
}

export function buildReportModel(data: ActivityReportData, locale: Locale): ReportModel {
  const blocks: ReportBlock[] = [];
  const field = (key: string, value: string) => blocks.push({ kind: 'field', label: tr(locale, 'fieldLabel', { label: tr(locale, key) }), value });
  field('field.type', typeLabel(locale, data.type));
  field('field.dates', formatDates(locale, data.startDate, data.endDate));
  field('field.place', `${place(data)} (${data.locationPcode})`);
  field('field.organisers', data.organisers.join(', '));
  if (data.facilitators.length > 0) field('field.facilitators', data.facilitators.map((f) => (f.role ? `${f.name} (${f.role})` : f.name)).join(', '));

  blocks.push({ kind: 'heading', text: tr(locale, 'section.summary') });
  blocks.push(...(data.summary.trim() ? paragraphs(data.summary) : [{ kind: 'paragraph' as const, text: generatedSummary(data, locale) }]));

  blocks.push({ kind: 'heading', text: tr(locale, 'section.objectives') });
  blocks.push({ kind: 'subheading', text: tr(locale, 'objectives') });
  blocks.push({ kind: 'bullets', items: data.objectives });
  if (data.themes.length > 0) {
    blocks.push({ kind: 'subheading', text: tr(locale, 'themes') });
    blocks.push({ kind: 'bullets', items: data.themes });
  }
  blocks.push({ kind: 'subheading', text: tr(locale, 'audiences') });
  blocks.push({ kind: 'paragraph', text: data.audiences.map((a) => audienceLabel(locale, a)).join(', ') });

  blocks.push({ kind: 'heading', text: tr(locale, 'section.programme') });
  if (data.sessions.length === 0) blocks.push({ kind: 'paragraph', text: tr(locale, 'programme.none') });
  else {
    const sessions = [...data.sessions].sort((a, b) => a.day - b.day || a.startTime.localeCompare(b.startTime));
    blocks.push({
      kind: 'table',
      header: [tr(locale, 'programme.day'), tr(locale, 'programme.time'), tr(locale, 'programme.theme'), tr(locale, 'programme.facilitator')],
      rows: sessions.map((s) => [`${tr(locale, 'day', { n: s.day })} — ${formatDay(locale, dateOfDay(data.startDate, s.day))}`, `${s.startTime}–${s.endTime}`, s.theme, s.facilitator ?? '']),
      numeric: [false, false, false, false],
      widths: widths(2, 1.2, 4, 2),
    });
  }

  blocks.push(...participation(data, locale));
  blocks.push(...evaluation(data, locale));

  blocks.push({ kind: 'heading', text: tr(locale, 'section.groupWork') });
  if (data.groupWork.length === 0) blocks.push({ kind: 'paragraph', text: tr(locale, 'groupWork.none') });
  else {
    blocks.push({
      kind: 'table',
      header: [tr(locale, 'groupWork.topic'), tr(locale, 'groupWork.exercise'), tr(locale, 'groupWork.output')],
      rows: data.groupWork.map((g) => [g.topic, exerciseLabel(locale, g.exerciseType), g.output || tr(locale, 'groupWork.noOutput')]),
      numeric: [false, false, false],
      widths: widths(2.2, 1.4, 5),
    });
  }

  blocks.push({ kind: 'heading', text: tr(locale, 'section.recommendations') });
  blocks.push(...(data.recommendations.trim() ? paragraphs(data.recommendations) : [{ kind: 'paragraph' as const, text: tr(locale, 'recommendations.none') }]));

  blocks.push(...annex(data, locale));
  return { documentTitle: tr(locale, 'title'), activityTitle: data.title, blocks };
}
