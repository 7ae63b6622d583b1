import { SERVICE_TYPES } from '../../../domain/directory/taxonomy.ts';
import type { Locale } from '../../../domain/i18n/locales.ts';
import { translate } from '../../../domain/i18n/translate.ts';
import { openPdf } from '../../directory/leaflet/pdf-document.ts';
import type { PersonExport } from './export-json.ts';

/**
 * The person's export as a readable A4 document, in their language: the same content as the
 * JSON, with words instead of codes. Drawn with DejaVu Sans (as the leaflets are), so Bambara
 * letters print.
 */
const MARGIN = 50;
const SIZE = { title: 18, heading: 13, name: 11, body: 10, small: 9 };
const INK = '#111111';
const ACCENT = '#0b4f6c';

const tr = (locale: Locale, key: string, values?: Record<string, string | number>) => translate(locale, `personExport.${key}`, values);

/** Mali and Burkina Faso keep UTC all year: one time zone for every date of the document. */
const ICU: Record<Locale, string> = { fr: 'fr-ML', en: 'en-GB', bm: 'fr-ML' };
const formatDate = (locale: Locale, iso: string) => new Intl.DateTimeFormat(ICU[locale], { dateStyle: 'long', timeZone: 'Africa/Bamako' }).format(new Date(iso));
const formatDateTime = (locale: Locale, iso: string) => new Intl.DateTimeFormat(ICU[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Africa/Bamako' }).format(new Date(iso));

const serviceTypeName = (locale: Locale, code: string | null) => (code ? (SERVICE_TYPES.terms.find((t) => t.code === code)?.name[locale] ?? code) : null);

export function renderPersonExport(data: PersonExport): Promise<Buffer> {
  const locale = data.language;
  const { doc, done } = openPdf({ size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + 20 }, locale, title: `${tr(locale, 'title')} — ${data.case.caseCode}` });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const heading = (text: string) => {
    // A heading never ends a page: it moves with the first lines under it.
    if (doc.y + SIZE.heading * 4 > bottom()) doc.addPage();
    doc.moveDown(0.8);
    doc.font('bold').fontSize(SIZE.heading).fillColor(ACCENT).text(text, MARGIN, doc.y, { width });
    doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.5).strokeColor(ACCENT).stroke();
    doc.moveDown(0.5);
    doc.fillColor(INK);
  };
  const name = (text: string) => {
    if (doc.y + SIZE.name * 3 > bottom()) doc.addPage();
    doc.moveDown(0.3);
    doc.font('bold').fontSize(SIZE.name).fillColor(INK).text(text, MARGIN, doc.y, { width });
  };
  const line = (text: string, indent = 0) => doc.font('regular').fontSize(SIZE.body).fillColor(INK).text(text, MARGIN + indent, doc.y, { width: width - indent });
  const field = (label: string, value: string | number | null | undefined, indent = 0) => {
    if (value === null || value === undefined || value === '') return;
    line(tr(locale, 'field', { label, value: String(value) }), indent);
  };
  const none = () => line(tr(locale, 'none'));

  // Title and what this document is.
  doc.font('bold').fontSize(SIZE.title).fillColor(ACCENT).text(tr(locale, 'title'), { width });
  doc.moveDown(0.3);
  field(tr(locale, 'case.caseCode'), data.case.caseCode);
  field(tr(locale, 'case.organisation'), data.case.organisationName);
  field(tr(locale, 'exportedAt'), formatDateTime(locale, data.exportedAt));
  doc.moveDown(0.5);
  line(tr(locale, 'intro'));
  if (data.case.anonymisedAt) {
    doc.moveDown(0.5);
    doc.font('bold').fontSize(SIZE.body).text(tr(locale, 'erasedNotice', { date: formatDate(locale, data.case.anonymisedAt) }), { width });
  }

  heading(tr(locale, 'section.case'));
  const c = data.case;
  field(tr(locale, 'case.status'), c.labels.status);
  field(tr(locale, 'case.category'), c.labels.category);
  field(tr(locale, 'case.riskLevel'), c.labels.riskLevel);
  field(tr(locale, 'case.traffickingStatus'), c.labels.traffickingStatus);
  field(tr(locale, 'case.childStatus'), c.labels.childStatus);
  field(tr(locale, 'case.sex'), c.labels.sex);
  field(tr(locale, 'case.ageBand'), c.labels.ageBand);
  field(tr(locale, 'case.nationality'), c.labels.nationality);
  field(tr(locale, 'case.preferredLanguage'), c.labels.preferredLanguage);
  field(tr(locale, 'case.region'), c.regionName);
  field(tr(locale, 'case.registeredAt'), formatDate(locale, c.registeredAt));

  heading(tr(locale, 'section.identity'));
  const id = data.identity;
  if (!id) line(tr(locale, 'identityErased'));
  else {
    field(tr(locale, 'identity.givenName'), id.givenName);
    field(tr(locale, 'identity.familyName'), id.familyName);
    field(tr(locale, 'identity.aliases'), id.aliases.join(', '));
    field(tr(locale, 'identity.dateOfBirth'), id.dateOfBirth);
    field(tr(locale, 'identity.estimatedAge'), id.estimatedAge);
    if (id.ageUncertain) field(tr(locale, 'identity.ageUncertain'), tr(locale, 'yes'));
    field(tr(locale, 'identity.phone'), id.phone);
    field(tr(locale, 'identity.motherName'), id.motherName);
    field(tr(locale, 'identity.fatherName'), id.fatherName);
    for (const d of id.documents) field(tr(locale, `document.${d.type}`), d.number);
    field(tr(locale, 'identity.placeOfOrigin'), id.placeOfOrigin);
    field(tr(locale, 'identity.currentAddress'), id.currentAddress);
    field(tr(locale, 'identity.caregiverName'), id.caregiverName);
    field(tr(locale, 'identity.caregiverPhone'), id.caregiverPhone);
  }

  heading(tr(locale, 'section.consents'));
  if (data.consents.length === 0) none();
  for (const k of data.consents) {
    name(`${k.labels.layer} — ${k.labels.decision}`);
    field(tr(locale, 'consent.organisation'), k.organisationName, 8);
    field(tr(locale, 'consent.serviceType'), serviceTypeName(locale, k.serviceType), 8);
    field(tr(locale, 'consent.givenBy'), k.labels.givenBy, 8);
    if (k.childAssent !== 'not_applicable') field(tr(locale, 'consent.childAssent'), k.labels.childAssent, 8);
    field(tr(locale, 'consent.givenAt'), formatDate(locale, k.givenAt), 8);
    if (k.withdrawnAt) field(tr(locale, 'consent.withdrawnAt'), formatDate(locale, k.withdrawnAt), 8);
  }

  heading(tr(locale, 'section.screenings'));
  if (data.screenings.length === 0) line(data.identity ? tr(locale, 'none') : tr(locale, 'screeningsErased'));
  for (const s of data.screenings) {
    name(`${s.title} — ${formatDate(locale, s.submittedAt)}`);
    for (const q of s.questions) field(q.question, q.answer, 8);
  }

  heading(tr(locale, 'section.disclosures'));
  if (data.disclosures.length === 0) none();
  for (const d of data.disclosures) {
    name(`${d.toOrganisationName} — ${formatDate(locale, d.disclosedAt)}`);
    field(tr(locale, 'disclosure.fields'), d.labels.fields.join(', '), 8);
    field(tr(locale, 'disclosure.serviceType'), serviceTypeName(locale, d.serviceType), 8);
    field(tr(locale, 'disclosure.basis'), d.labels.basis, 8);
  }

  if (data.mergedCases.length) {
    heading(tr(locale, 'section.mergedCases'));
    for (const m of data.mergedCases) field(m.caseCode, m.organisationName);
  }

  heading(tr(locale, 'section.accessLog'));
  line(tr(locale, 'accessLogIntro'));
  doc.moveDown(0.3);
  for (const e of data.accessLog) line(`${formatDateTime(locale, e.occurredAt)} — ${e.label} — ${e.organisationName}`);

  // Page numbers, written once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor(INK);
    doc.text(`${data.case.caseCode} · ${tr(locale, 'page', { page: i + 1, pages: range.count })}`, MARGIN, doc.page.height - MARGIN, { width, align: 'center' });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
