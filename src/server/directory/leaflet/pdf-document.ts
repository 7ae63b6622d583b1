import PDFDocument from 'pdfkit';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { leafletFonts } from './fonts.ts';

export type PdfDoc = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  size: 'A4' | 'A5';
  /** Portrait unless said (the activity attendance sheet is landscape, for its day columns). */
  layout?: 'portrait' | 'landscape';
  margins: { top: number; left: number; right: number; bottom: number };
  locale: Locale;
  title: string;
}

/**
 * A PDF document set up the way every printable of Sira is (leaflets, a person's export, the
 * paper referral form): pages buffered for footers, the document's language and title, and the
 * DejaVu fonts registered as `regular` and `bold` so Bambara letters print. `done` resolves
 * with the bytes once `doc.end()` is called.
 */
export function openPdf(options: PdfOptions): { doc: PdfDoc; done: Promise<Buffer> } {
  const doc = new PDFDocument({ size: options.size, layout: options.layout ?? 'portrait', margins: options.margins, bufferPages: true, lang: options.locale, info: { Title: options.title, Creator: 'Sira' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const fonts = leafletFonts();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  return { doc, done };
}
