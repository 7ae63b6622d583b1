import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartPng } from './chart.ts';
import type { ReportBlock, ReportModel } from './report-model.ts';
import { tr } from './words.ts';

/** A4 in twips (1/20 pt), 2 cm margins: what offices print on. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = 'DejaVu Sans';
const ACCENT = '0B4F6C';
/** The chart at the text's width: 17 cm is about 642 px at 96 dpi. */
const CHART_PX = { width: 640, height: Math.round((640 * CHART_HEIGHT) / CHART_WIDTH) };

function table(block: Extract<ReportBlock, { kind: 'table' }>): Table {
  const columnWidths = block.widths.map((w) => Math.floor(w * CONTENT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E6EEF2', color: 'auto' } } : {}),
      children: text.split('\n').map((line) => new Paragraph({ alignment: block.numeric[i] && !header ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: line, bold: header, size: 18 })] })),
    });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, i, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function render(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 320, after: 120 }, keepNext: true, children: [new TextRun({ text: block.text, bold: true, color: ACCENT, size: 28 })] })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 200, after: 80 }, keepNext: true, children: [new TextRun({ text: block.text, bold: true, size: 22 })] })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: block.text.split('\n').flatMap((line, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), new TextRun({ text: line })]) })];
    case 'field':
      return [new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${block.label} `, bold: true }), new TextRun({ text: block.value })] })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: item })] }));
    case 'note':
      return [new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: block.text, italics: true, size: 18 })] })];
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'chart':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 160 },
          children: [new ImageRun({ type: 'png', data: chartPng(block.svg), transformation: { width: CHART_PX.width, height: CHART_PX.height }, altText: { name: block.chart.title, title: block.chart.title, description: block.chart.title } })],
        }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** The report as a Word file, for partners who edit it before sending it on. */
export async function renderReportDocx(model: ReportModel, locale: Locale): Promise<Buffer> {
  const doc = new Document({
    creator: 'Sira',
    title: `${model.documentTitle} — ${model.activityTitle}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: model.documentTitle, size: 22, color: ACCENT })] }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            spacing: { after: 240 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } },
            children: [new TextRun({ text: model.activityTitle, bold: true, size: 36 })],
          }),
          ...model.blocks.flatMap(render),
          new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: tr(locale, 'generatedBy'), italics: true, size: 16, color: '555555' })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
