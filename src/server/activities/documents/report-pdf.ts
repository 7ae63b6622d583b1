import type { Locale } from '../../../domain/i18n/locales.ts';
import { openPdf } from '../../directory/leaflet/pdf-document.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartPng } from './chart.ts';
import { drawPdfTable } from './pdf-table.ts';
import type { ReportModel } from './report-model.ts';
import { tr } from './words.ts';

const MARGIN = 50;
const FOOTER = 24;
const SIZE = { kicker: 11, title: 18, heading: 13, subheading: 11, body: 10, small: 8.5 };
const INK = '#111111';
const ACCENT = '#0b4f6c';

/** The report as PDF: the same blocks as the DOCX, drawn with DejaVu Sans so Bambara prints. */
export async function renderReportPdf(model: ReportModel, locale: Locale): Promise<Buffer> {
  const { doc, done } = openPdf({ size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER }, locale, title: `${model.documentTitle} — ${model.activityTitle}` });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font('regular').fontSize(SIZE.kicker).fillColor(ACCENT).text(model.documentTitle, MARGIN, doc.y, { width });
  doc.font('bold').fontSize(SIZE.title).fillColor(INK).text(model.activityTitle, { width });
  doc.moveTo(MARGIN, doc.y + 3).lineTo(MARGIN + width, doc.y + 3).lineWidth(1).strokeColor(ACCENT).stroke();
  doc.moveDown(0.8);

  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
        room(SIZE.heading * 5);
        doc.moveDown(0.6);
        doc.font('bold').fontSize(SIZE.heading).fillColor(ACCENT).text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.3);
        break;
      case 'subheading':
        room(SIZE.subheading * 5);
        doc.moveDown(0.3);
        doc.font('bold').fontSize(SIZE.subheading).fillColor(INK).text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.2);
        break;
      case 'paragraph':
        doc.font('regular').fontSize(SIZE.body).fillColor(INK).text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.4);
        break;
      case 'field':
        doc.font('bold').fontSize(SIZE.body).fillColor(INK).text(`${block.label} `, MARGIN, doc.y, { width, continued: true });
        doc.font('regular').text(block.value);
        break;
      case 'bullets':
        for (const item of block.items) doc.font('regular').fontSize(SIZE.body).fillColor(INK).text(`•  ${item}`, MARGIN + 8, doc.y, { width: width - 8 });
        doc.moveDown(0.3);
        break;
      case 'note':
        doc.font('regular').fontSize(SIZE.small).fillColor('#444444').text(block.text, MARGIN, doc.y, { width });
        doc.moveDown(0.3);
        break;
      case 'table':
        drawPdfTable(doc, { header: block.header, rows: block.rows, widths: block.widths, numeric: block.numeric }, MARGIN, width);
        break;
      case 'chart': {
        const w = Math.min(width, 460);
        const h = (w * CHART_HEIGHT) / CHART_WIDTH;
        room(h + 10);
        doc.image(chartPng(block.svg), MARGIN + (width - w) / 2, doc.y, { width: w, height: h });
        doc.x = MARGIN;
        doc.y += h + 10;
        break;
      }
      case 'pageBreak':
        doc.addPage();
        break;
    }
  }
  doc.moveDown(1);
  doc.font('regular').fontSize(SIZE.small).fillColor('#555555').text(tr(locale, 'generatedBy'), MARGIN, doc.y, { width });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor('#555555').text(tr(locale, 'page', { title: model.activityTitle, page: i + 1, pages: range.count }), MARGIN, doc.page.height - MARGIN, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
