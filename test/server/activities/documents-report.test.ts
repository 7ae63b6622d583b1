import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/domain/i18n/locales.ts';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { barChartSvg, chartPng } from '../../../src/server/activities/documents/chart.ts';
import { renderReportDocx } from '../../../src/server/activities/documents/report-docx.ts';
import { buildReportModel } from '../../../src/server/activities/documents/report-model.ts';
import { renderReportPdf } from '../../../src/server/activities/documents/report-pdf.ts';
import { formatDecimal, formatGain, formatInteger } from '../../../src/server/activities/documents/words.ts';
import { readDocx, rowStarting } from '../../support/docx.ts';
import { PARTICIPANTS, reportData } from './documents-fixture.ts';

const t = (locale: Locale, key: string) => translate(locale, `activityReport.${key}`);
const flat = (s: string) => s.replace(/\s+/g, ' ');

/** What the report must say, computed from the fixture's data, not read from the output. */
function expected(locale: Locale) {
  const data = reportData();
  const a = data.attendance;
  const k = data.knowledge!;
  const day = (n: number) => a.days.find((d) => d.day === n)!;
  return {
    totals: [t(locale, 'participation.total'), formatInteger(locale, day(1).total), formatInteger(locale, day(2).total), formatInteger(locale, a.overall.total)],
    women: [translate(locale, 'registration.sex.female'), formatInteger(locale, day(1).bySex.female), formatInteger(locale, day(2).bySex.female), formatInteger(locale, a.overall.bySex.female)],
    preMean: formatDecimal(locale, k.pre.meanPercent),
    postMean: formatDecimal(locale, k.post.meanPercent),
    gain: formatGain(locale, k.gain.meanPoints),
    paired: formatInteger(locale, k.gain.nPaired),
  };
}

describe('activity report (DOCX)', () => {
  it('states the attendance and evaluation figures the data gives', async () => {
    const docx = readDocx(await renderReportDocx(buildReportModel(reportData(), 'fr'), 'fr'));
    const e = expected('fr');
    // The fixture has women on both days, so these rows are not all zeros.
    expect(e.women.slice(1).every((n) => n !== '0')).toBe(true);
    expect(rowStarting(docx.rows, e.totals[0]!)).toEqual(e.totals);
    expect(rowStarting(docx.rows, e.women[0]!)).toEqual(e.women);
    expect(rowStarting(docx.rows, t('fr', 'evaluation.preMean'))).toEqual([t('fr', 'evaluation.preMean'), e.preMean]);
    expect(rowStarting(docx.rows, t('fr', 'evaluation.postMean'))).toEqual([t('fr', 'evaluation.postMean'), e.postMean]);
    expect(rowStarting(docx.rows, t('fr', 'evaluation.gainPoints'))).toEqual([t('fr', 'evaluation.gainPoints'), e.gain]);
    expect(rowStarting(docx.rows, t('fr', 'evaluation.paired'))).toEqual([t('fr', 'evaluation.paired'), e.paired]);
  });

  it('names only the participants who agreed to be named, and embeds the charts', async () => {
    const docx = readDocx(await renderReportDocx(buildReportModel(reportData(), 'fr'), 'fr'));
    const [named, , refused] = PARTICIPANTS;
    expect(docx.text + docx.rows.flat().join('\n')).toContain(named!.name!);
    expect(rowStarting(docx.rows, named!.participantCode)?.[1]).toBe(named!.name);
    expect(rowStarting(docx.rows, refused!.participantCode)?.[1]).toBe(t('fr', 'annex.notNamed'));
    expect(JSON.stringify(docx)).not.toContain(refused!.name!);
    // Participants per day, and the distribution of scores.
    expect(docx.media.filter((m) => m.endsWith('.png'))).toHaveLength(2);
  });

  it('writes the generated summary when none was typed, and the typed one otherwise', async () => {
    const data = reportData();
    const generated = readDocx(await renderReportDocx(buildReportModel(data, 'fr'), 'fr')).text;
    expect(generated).toContain(`${data.attendance.overall.total} participants, dont ${data.attendance.overall.bySex.female} femmes`);
    expect(generated).toContain('Bougouni');
    const typed = readDocx(await renderReportDocx(buildReportModel(reportData({ summary: 'Un forum très suivi.' }), 'fr'), 'fr')).text;
    expect(typed).toContain('Un forum très suivi.');
    expect(typed).not.toContain('dont 2 femmes');
  });

  it('says so when counted anonymously, with no list', async () => {
    const data = reportData({
      attendanceMode: 'anonymous',
      participants: [],
      attendance: (await import('../../../src/domain/activities/attendance.ts')).attendanceTotals({
        mode: 'anonymous',
        counts: [
          { day: 1, sex: 'female', ageBand: '25-59', category: 'women', count: 12 },
          { day: 2, sex: 'female', ageBand: '25-59', category: 'women', count: 15 },
          { day: 2, sex: 'male', ageBand: '18-24', category: 'security_forces', count: 9 },
        ],
      }),
    });
    const docx = readDocx(await renderReportDocx(buildReportModel(data, 'en'), 'en'));
    expect(rowStarting(docx.rows, 'Total')).toEqual(['Total', '12', '24', '24']);
    expect(docx.text).toContain(t('en', 'annex.anonymous'));
  });
});

describe('activity report (PDF)', () => {
  for (const locale of ['fr', 'en', 'bm'] as const) {
    it(`prints the same figures in ${locale}`, async () => {
      const pdf = await renderReportPdf(buildReportModel(reportData(), locale), locale);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = flat((await extractText(new Uint8Array(pdf), { mergePages: true })).text);
      const e = expected(locale);
      expect(text).toContain(e.totals.join(' '));
      expect(text).toContain(e.women.join(' '));
      expect(text).toContain(`${t(locale, 'evaluation.preMean')} ${e.preMean}`);
      expect(text).toContain(`${t(locale, 'evaluation.postMean')} ${e.postMean}`);
      expect(text).toContain(`${t(locale, 'evaluation.gainPoints')} ${e.gain}`);
      expect(text).toContain(PARTICIPANTS[0]!.name!);
      expect(text).not.toContain(PARTICIPANTS[2]!.name!);
      for (const section of ['summary', 'participation', 'evaluation', 'groupWork', 'recommendations', 'annex']) expect(text).toContain(t(locale, `section.${section}`));
    });
  }

  it('prints Bambara headings with their letters', async () => {
    const pdf = await renderReportPdf(buildReportModel(reportData(), 'bm'), 'bm');
    const text = (await extractText(new Uint8Array(pdf), { mergePages: true })).text;
    expect(t('bm', 'section.evaluation')).toMatch(/[ɛɔɲŋ]/);
    expect(text).toContain(t('bm', 'section.evaluation'));
    expect(text).toContain('Kadiatou Ɲɛnɛ Diarra');
  });
});

describe('report chart', () => {
  it('draws one bar per non-zero value with its figure, and renders to PNG', () => {
    const svg = barChartSvg({ title: 'Sigibagaw <tile>', groups: ['Tile 1', 'Tile 2'], series: [{ label: 'Muso', values: [3, 0] }, { label: 'Cɛ', values: [2, 5] }] });
    expect(svg).toContain('Sigibagaw &lt;tile&gt;');
    expect(svg.match(/<rect x=/g)?.length).toBe(3 + 2); // three bars and two legend keys
    const png = chartPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
