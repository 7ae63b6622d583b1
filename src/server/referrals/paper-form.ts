import QRCode from 'qrcode';
import { AGE_BANDS, SEXES } from '../../domain/cases/identity.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import type { Urgency } from '../../domain/referrals/lifecycle.ts';
import type { MinimalReferralData } from '../../domain/referrals/schemas.ts';
import { openPdf, type PdfDoc } from '../directory/leaflet/pdf-document.ts';

/**
 * The paper referral form, for a partner that works without Sira: what the receiver needs to
 * act (the minimal data set, never the case file) and a return slip it fills in by hand, which
 * the referrer later records in Sira (`referral.record_paper_outcome`). Drawn with DejaVu Sans,
 * as the leaflets are, so Bambara letters print.
 */
export interface PaperReferralForm {
  referenceCode: string;
  sentAt: Date;
  answerDueAt: Date;
  urgency: Urgency;
  /** Taxonomy code; the label below is what is printed. */
  serviceType: string;
  serviceTypeLabel: string;
  serviceName: string;
  locationName: string | null;
  from: { organisationName: string; referrerName: string | null };
  to: { organisationName: string };
  data: MinimalReferralData;
  reason: string;
}

const MARGIN = 42;
const FOOTER = 34;
const SIZE = { title: 17, reference: 24, heading: 12, body: 10, small: 9 };
const INK = '#111111';
const ACCENT = '#0b4f6c';
const QR_SIZE = 78;
/** The slip is cut off and handed back: it is never split across two pages. */
const SLIP_HEIGHT = 285;

const tr = (locale: Locale, key: string, values?: Record<string, string | number>) => translate(locale, `referralForm.${key}`, values);

/** Mali and Burkina Faso keep UTC all year; Bambara has no CLDR data, so French rules stand in. */
const ICU: Record<Locale, string> = { fr: 'fr-ML', en: 'en-GB', bm: 'fr-ML' };
const formatDateTime = (locale: Locale, date: Date) => new Intl.DateTimeFormat(ICU[locale], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Africa/Bamako' }).format(date);

function languageName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale === 'en' ? 'en' : 'fr'], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Codes become words; a value the server already put in words is printed as it is. */
function ageBandLabel(locale: Locale, band: string): string {
  if (band === 'unknown') return tr(locale, 'ageUnknown');
  return (AGE_BANDS as readonly string[]).includes(band) ? tr(locale, 'ageBand', { band }) : band;
}
const sexLabel = (locale: Locale, sex: string) => ((SEXES as readonly string[]).includes(sex) ? tr(locale, `sex.${sex}`) : sex);

export async function renderReferralFormPdf(form: PaperReferralForm, locale: Locale): Promise<Buffer> {
  const { doc, done } = openPdf({ size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER }, locale, title: `${tr(locale, 'title')} — ${form.referenceCode}` });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heading = (text: string) => {
    if (doc.y + SIZE.heading * 4 > bottom()) doc.addPage();
    doc.moveDown(0.5);
    doc.font('bold').fontSize(SIZE.heading).fillColor(ACCENT).text(text, MARGIN, doc.y, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.5).strokeColor(ACCENT).stroke();
    doc.moveDown(0.3);
    doc.fillColor(INK);
  };
  const field = (label: string, value: string | null, options: { bold?: boolean; textWidth?: number } = {}) =>
    doc
      .font(options.bold ? 'bold' : 'regular')
      .fontSize(SIZE.body)
      .fillColor(INK)
      .text(tr(locale, 'field', { label, value: value ?? tr(locale, 'notProvided') }), MARGIN, doc.y, { width: options.textWidth ?? width });

  // Title, the reference in large type (read out on the phone) and as a QR code (scanned).
  const top = doc.y;
  const beside = width - QR_SIZE - 12;
  doc.font('bold').fontSize(SIZE.title).fillColor(ACCENT).text(tr(locale, 'title'), MARGIN, top, { width: beside });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(SIZE.small).fillColor(INK).text(tr(locale, 'reference'), { width: beside });
  doc.font('bold').fontSize(SIZE.reference).text(form.referenceCode, { width: beside });
  doc.font('regular').fontSize(SIZE.small).text(tr(locale, 'referenceHint'), { width: beside });
  drawQr(doc, form.referenceCode, MARGIN + width - QR_SIZE, top, QR_SIZE);
  doc.y = Math.max(doc.y, top + QR_SIZE);
  doc.moveDown(0.6);
  field(tr(locale, 'sentAt'), formatDateTime(locale, form.sentAt));
  field(tr(locale, 'urgency'), tr(locale, `urgency.${form.urgency}`), { bold: form.urgency !== 'normal' });
  field(tr(locale, 'answerDue'), formatDateTime(locale, form.answerDueAt), { bold: true });

  heading(tr(locale, 'section.parties'));
  field(tr(locale, 'from'), form.from.organisationName);
  field(tr(locale, 'referrer'), form.from.referrerName);
  field(tr(locale, 'to'), form.to.organisationName);

  heading(tr(locale, 'section.service'));
  field(tr(locale, 'serviceType'), form.serviceTypeLabel);
  field(tr(locale, 'serviceName'), form.serviceName);
  if (form.locationName) field(tr(locale, 'location'), form.locationName);

  heading(tr(locale, 'section.person'));
  doc.font('regular').fontSize(SIZE.small).text(tr(locale, 'personIntro'), MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  const d = form.data;
  field(tr(locale, 'person.caseCode'), d.caseCode);
  field(tr(locale, 'person.ageBand'), d.ageBand ? ageBandLabel(locale, d.ageBand) : null);
  field(tr(locale, 'person.sex'), d.sex ? sexLabel(locale, d.sex) : null);
  field(tr(locale, 'person.language'), d.language ? languageName(locale, d.language) : null);
  field(tr(locale, 'person.region'), d.region || null);
  field(tr(locale, 'person.child'), tr(locale, d.isChild ? 'yes' : 'no'));
  // Name and phone only when the person's consent to this organisation covers them.
  if (d.name) field(tr(locale, 'person.name'), d.name);
  if (d.phone) field(tr(locale, 'person.phone'), d.phone);
  if (d.caregiverContact) {
    field(tr(locale, 'person.caregiverName'), d.caregiverContact.name);
    field(tr(locale, 'person.caregiverPhone'), d.caregiverContact.phone);
  }

  heading(tr(locale, 'section.reason'));
  doc.font('regular').fontSize(SIZE.body).text(form.reason, MARGIN, doc.y, { width });

  drawReturnSlip(doc, form.referenceCode, locale, width, bottom);

  // Footer on every page, written once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 6;
    doc.font('bold').fontSize(SIZE.small).fillColor(INK).text(tr(locale, 'confidential'), MARGIN, y, { width, align: 'center' });
    doc.font('regular').text(tr(locale, 'page', { reference: form.referenceCode, page: i + 1, pages: range.count }), MARGIN, y + 13, { width, align: 'center' });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}


/** Dark modules as filled squares: vector, so it prints sharp at any size. */
function drawQr(doc: PdfDoc, text: string, x: number, y: number, size: number): void {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function drawReturnSlip(doc: PdfDoc, reference: string, locale: Locale, width: number, bottom: () => number): void {
  if (doc.y + SLIP_HEIGHT > bottom()) doc.addPage();
  else doc.moveDown(1.2);
  const right = MARGIN + width;
  // The cut line: the slip goes back to the referrer, the form stays with the receiver.
  doc.save().moveTo(MARGIN, doc.y).lineTo(right, doc.y).dash(4, { space: 3 }).lineWidth(0.8).strokeColor(INK).stroke().undash().restore();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(SIZE.heading).fillColor(ACCENT).text(tr(locale, 'section.returnSlip'), MARGIN, doc.y, { width });
  doc.font('regular').fontSize(SIZE.small).fillColor(INK).text(tr(locale, 'slip.intro', { reference }), { width });
  doc.moveDown(0.6);

  /** A box to tick; a reason gets the rest of the line and one more to write on. */
  const box = (label: string, writeLine: boolean, secondLine = writeLine) => {
    const y = doc.y;
    doc.lineWidth(0.8).strokeColor(INK).rect(MARGIN + 8, y, 11, 11).stroke();
    doc.font('regular').fontSize(SIZE.body).fillColor(INK).text(label, MARGIN + 28, y, { width: width - 28, lineBreak: false });
    if (writeLine) {
      const from = MARGIN + 36 + doc.widthOfString(label);
      if (from < right - 40) doc.moveTo(from, y + 11).lineTo(right, y + 11).lineWidth(0.5).stroke();
    }
    if (secondLine) doc.moveTo(MARGIN + 28, y + 31).lineTo(right, y + 31).lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = y + (secondLine ? 40 : 21);
  };
  const blank = (label: string) => {
    const y = doc.y;
    const prompt = tr(locale, 'field', { label, value: '' }).trimEnd();
    doc.font('regular').fontSize(SIZE.body).fillColor(INK).text(prompt, MARGIN, y, { lineBreak: false });
    const from = MARGIN + 8 + doc.widthOfString(prompt);
    doc.moveTo(from, y + 11).lineTo(right, y + 11).lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = y + 24;
  };

  doc.font('bold').fontSize(SIZE.body).text(tr(locale, 'slip.answer'), MARGIN, doc.y, { width });
  doc.moveDown(0.4);
  box(tr(locale, 'slip.accepted'), false);
  box(tr(locale, 'slip.declined'), true);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(SIZE.body).text(tr(locale, 'slip.outcome'), MARGIN, doc.y, { width });
  doc.moveDown(0.4);
  box(tr(locale, 'slip.given'), true, false);
  box(tr(locale, 'slip.notGiven'), true);
  doc.moveDown(0.6);
  blank(tr(locale, 'slip.name'));
  blank(tr(locale, 'slip.date'));
  blank(tr(locale, 'slip.signature'));
}
