import type { Locale } from '../../../domain/i18n/locales.ts';
import { type Need, type PublicService, needLabel } from '../public/data.ts';
import { costLines, hoursLines, placeLines, tr } from '../public/format.ts';
import { pictogramPaths } from '../public/pictograms.ts';
import { openPdf } from './pdf-document.ts';

/**
 * The printable leaflet of a region: services grouped by need, with what a person needs to
 * go there or call, in one language. A5 keeps body text at 9 pt, the smallest a leaflet
 * handed out at a bus station can use.
 */
export type LeafletFormat = 'a4' | 'a5';

export interface LeafletInput {
  locale: Locale;
  region: string;
  format: LeafletFormat;
  needs: Need[];
  services: PublicService[];
  printedAt: Date;
}

const LAYOUT = {
  a4: { size: 'A4', margin: 42, footer: 30, title: 20, heading: 13, name: 11, body: 10, small: 9, icon: 18 },
  a5: { size: 'A5', margin: 28, footer: 26, title: 15, heading: 11.5, name: 10, body: 9, small: 9, icon: 15 },
} as const;

const INK = '#111111';
const ACCENT = '#0b4f6c';

interface Group {
  need: Need;
  services: PublicService[];
}

/** Needs in taxonomy order, each with its services; a service with several needs is listed under each. */
export function groupByNeed(needs: Need[], services: PublicService[]): Group[] {
  return needs.map((need) => ({ need, services: services.filter((s) => s.needs.includes(need.code)) })).filter((g) => g.services.length > 0);
}

export function renderLeaflet(input: LeafletInput): Promise<Buffer> {
  const L = LAYOUT[input.format];
  const { locale } = input;
  const { doc, done } = openPdf({ size: L.size, margins: { top: L.margin, left: L.margin, right: L.margin, bottom: L.margin + L.footer }, locale, title: tr(locale, 'regionTitle', { region: input.region }) });
  const width = doc.page.width - 2 * L.margin;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // Title, date, and the one piece of advice that saves a wasted journey.
  doc.font('bold').fontSize(L.title).fillColor(ACCENT).text(tr(locale, 'regionTitle', { region: input.region }), { width });
  doc.moveDown(0.3);
  doc.font('regular').fontSize(L.body).fillColor(INK).text(tr(locale, 'leaflet.printed', { date: input.printedAt }), { width });
  doc.moveDown(0.3);
  doc.font('bold').fontSize(L.body).text(tr(locale, 'checkBeforeGoing'), { width });
  doc.moveDown(0.6);

  const groups = groupByNeed(input.needs, input.services);
  if (groups.length === 0) doc.font('regular').fontSize(L.body).text(tr(locale, 'leaflet.empty'), { width });

  const serviceLines = (s: PublicService) => {
    const field = (name: string, value: string) => tr(locale, 'field', { label: tr(locale, `service.${name}`), value });
    const places = placeLines(s);
    const hours = hoursLines(locale, s.openings);
    return [
      s.organisation,
      field('address', places.length ? places.join(' · ') : tr(locale, 'service.addressOnCall')),
      field('phone', s.phones.length ? s.phones.join(' · ') : tr(locale, 'service.noPhone')),
      field('hours', hours.length ? hours.join(' · ') : tr(locale, 'service.hoursUnknown')),
      field('cost', costLines(locale, s.costs).join(' · ')),
      ...(s.languages.length ? [field('languages', s.languages.map((l) => l.name).join(', '))] : []),
    ];
  };
  const serviceHeight = (s: PublicService) => {
    doc.font('bold').fontSize(L.name);
    let h = doc.heightOfString(s.name, { width }) + 2;
    doc.font('regular').fontSize(L.body);
    for (const line of serviceLines(s)) h += doc.heightOfString(line, { width: width - 8 });
    return h + L.body * 0.8;
  };
  const headingHeight = L.icon + 8;

  for (const group of groups) {
    // A heading never ends a page: it moves with its first service.
    if (doc.y + headingHeight + serviceHeight(group.services[0]!) > bottom()) doc.addPage();
    const y = doc.y;
    doc.save().translate(L.margin, y).scale(L.icon / 24).lineWidth(2).strokeColor(ACCENT).lineCap('round').lineJoin('round');
    for (const d of pictogramPaths(group.need.icon)) doc.path(d).stroke();
    doc.restore();
    doc.font('bold').fontSize(L.heading).fillColor(ACCENT).text(needLabel(group.need, locale), L.margin + L.icon + 6, y + (L.icon - L.heading) / 2, { width: width - L.icon - 6 });
    doc.x = L.margin;
    doc.y = Math.max(doc.y, y + L.icon) + 4;
    doc.moveTo(L.margin, doc.y).lineTo(L.margin + width, doc.y).lineWidth(0.5).strokeColor(ACCENT).stroke();
    doc.y += 4;
    for (const s of group.services) {
      if (doc.y + serviceHeight(s) > bottom()) doc.addPage();
      doc.font('bold').fontSize(L.name).fillColor(INK).text(s.name, L.margin, doc.y, { width });
      doc.moveDown(0.1);
      doc.font('regular').fontSize(L.body);
      for (const line of serviceLines(s)) doc.text(line, L.margin + 8, doc.y, { width: width - 8 });
      doc.x = L.margin;
      doc.moveDown(0.8);
    }
    doc.moveDown(0.4);
  }

  // Page numbers and source, written once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - L.margin - L.small * 2.6;
    doc.font('regular').fontSize(L.small).fillColor(INK);
    doc.text(tr(locale, 'leaflet.source'), L.margin, y, { width, align: 'center', lineBreak: true });
    doc.text(tr(locale, 'leaflet.page', { page: i + 1, pages: range.count }), L.margin, doc.y, { width, align: 'center' });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
