import type { Locale } from '../../../domain/i18n/locales.ts';
import { openPdf } from '../../directory/leaflet/pdf-document.ts';
import { drawPdfTable } from './pdf-table.ts';
import type { ActivityReportData } from './report-data.ts';
import type { SheetRow } from './sheet-rows.ts';
import { ageBandLabel, categoryLabel, dateOfDay, formatDates, formatDay, sexLabel, tr, typeLabel } from './words.ts';

const MARGIN = 30;
const FOOTER = 40;
const INK = '#111111';
const ACCENT = '#0b4f6c';
/** Room to write a name or sign by hand. */
const ROW_HEIGHT = 24;

export type SheetHeader = Pick<ActivityReportData, 'type' | 'title' | 'startDate' | 'endDate' | 'days' | 'venue' | 'regionName' | 'locationPcode' | 'organisers'>;

/**
 * The printable attendance sheet, A4 landscape: codes pre-printed (registered participants with
 * what is known of them, then blank lines with fresh codes), a name column used only by those
 * who tick that they agree to be named, and one column per day to sign or tick.
 */
export async function renderAttendanceSheetPdf(activity: SheetHeader, rows: readonly SheetRow[], locale: Locale): Promise<Buffer> {
  const { doc, done } = openPdf({ size: 'A4', layout: 'landscape', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER }, locale, title: `${tr(locale, 'sheet.title')} — ${activity.title}` });
  const width = doc.page.width - 2 * MARGIN;
  const place = [activity.venue, activity.regionName].filter(Boolean).join(', ') || activity.locationPcode;

  doc.font('bold').fontSize(14).fillColor(ACCENT).text(tr(locale, 'sheet.title'), MARGIN, doc.y, { width });
  doc.font('bold').fontSize(12).fillColor(INK).text(`${typeLabel(locale, activity.type)} — ${activity.title}`, { width });
  doc.font('regular').fontSize(9).text(`${tr(locale, 'fieldLabel', { label: tr(locale, 'field.place') })} ${place}    ${tr(locale, 'fieldLabel', { label: tr(locale, 'field.dates') })} ${formatDates(locale, activity.startDate, activity.endDate)}`, { width });
  doc.text(`${tr(locale, 'fieldLabel', { label: tr(locale, 'field.organisers') })} ${activity.organisers.join(', ')}`, { width });
  doc.moveDown(0.5);

  const days = Array.from({ length: activity.days }, (_, i) => i + 1);
  const fixed = [1.15, 2.3, 0.75, 0.6, 0.75, 1.3];
  const dayShare = Math.max(0.55, Math.min(1.1, 5 / Math.max(1, days.length)));
  const weights = [...fixed, ...days.map(() => dayShare)];
  const sum = weights.reduce((a, b) => a + b, 0);
  const box = (ticked: boolean) => (ticked ? '☑' : '☐');
  drawPdfTable(
    doc,
    {
      header: [
        tr(locale, 'column.code'),
        tr(locale, 'column.name'),
        tr(locale, 'column.consent'),
        tr(locale, 'column.sex'),
        tr(locale, 'column.ageBand'),
        tr(locale, 'column.category'),
        ...days.map((d) => `${tr(locale, 'day', { n: d })}\n${formatDay(locale, dateOfDay(activity.startDate, d))}`),
      ],
      rows: rows.map(({ participantCode, registered: p }) => [
        participantCode,
        p?.consentToBeNamed && p.name ? p.name : '',
        box(p?.consentToBeNamed ?? false),
        p ? sexLabel(locale, p.sex) : '',
        p ? ageBandLabel(locale, p.ageBand) : '',
        p ? categoryLabel(locale, p.category) : '',
        ...days.map(() => ''),
      ]),
      widths: weights.map((w) => w / sum),
      fontSize: 8.5,
      minRowHeight: ROW_HEIGHT,
    },
    MARGIN,
    width,
  );

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - FOOTER + 6;
    doc.font('regular').fontSize(8.5).fillColor(INK).text(tr(locale, 'sheet.footer'), MARGIN, y, { width });
    doc.text(tr(locale, 'page', { title: activity.title, page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
