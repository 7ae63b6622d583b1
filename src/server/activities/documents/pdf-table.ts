import type { PdfDoc } from '../../directory/leaflet/pdf-document.ts';

export interface PdfTable {
  header: string[];
  rows: string[][];
  /** Shares of the width, summing to 1. */
  widths: number[];
  numeric?: boolean[];
  fontSize?: number;
  /** Least height of a body row: room to write or sign on a printed sheet. */
  minRowHeight?: number;
}

const PAD = 3;
const LINE = '#666666';
const HEADER_FILL = '#e6eef2';

/**
 * A table that breaks across pages, repeating its header, with each row kept whole. PDFKit's own
 * table does not repeat headers over a page break, which a long attendance list needs.
 */
export function drawPdfTable(doc: PdfDoc, table: PdfTable, x: number, width: number): void {
  const size = table.fontSize ?? 9;
  const cols = table.widths.map((w) => w * width);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: cols[i]! - 2 * PAD }))) + 2 * PAD;
  };
  const drawRow = (cells: string[], y: number, height: number, header: boolean) => {
    let cx = x;
    cells.forEach((c, i) => {
      const w = cols[i]!;
      if (header) doc.save().rect(cx, y, w, height).fill(HEADER_FILL).restore();
      doc.lineWidth(0.5).strokeColor(LINE).rect(cx, y, w, height).stroke();
      doc
        .font(header ? 'bold' : 'regular')
        .fontSize(size)
        .fillColor('#111111')
        .text(c, cx + PAD, y + PAD, { width: w - 2 * PAD, align: table.numeric?.[i] && !header ? 'right' : 'left' });
      cx += w;
    });
  };
  const headerHeight = heightOf(table.header, 'bold');
  let y = doc.y;
  const header = () => {
    drawRow(table.header, y, headerHeight, true);
    y += headerHeight;
  };
  if (y + headerHeight * 2 > bottom()) {
    doc.addPage();
    y = doc.y;
  }
  header();
  for (const row of table.rows) {
    const h = Math.max(heightOf(row, 'regular'), table.minRowHeight ?? 0);
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.y;
      header();
    }
    drawRow(row, y, h, false);
    y += h;
  }
  doc.x = x;
  doc.y = y + 8;
}
