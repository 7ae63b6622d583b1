import { SERVICE_TYPES, TARGET_GROUPS } from '../directory/taxonomy.ts';
import type { Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import type { Pathway, PathwayStep, StepTiming } from './pathways.ts';

/**
 * The "diagramme de flux d'orientation" partners pin on the wall: a pathway's steps top to
 * bottom, joined by arrows, each with its timing. Pure string building, so the server (PDF,
 * download) and the browser (preview) draw the same picture; words come from `labels`, which
 * each side builds from its own catalogue and live taxonomy terms.
 *
 * Geometry is in CSS pixels of an A4 page (794 × 1123 at 96 dpi) and the root says `210mm`
 * wide, so a font size here is its printed size on A4. A pathway too long for one page grows
 * the page downwards rather than shrinking the text below what a wall chart needs.
 */
export type DiagramLabelKind = 'targetGroup' | 'serviceType' | 'timing';
export type DiagramLabels = (kind: DiagramLabelKind, code: string) => string;

export interface DiagramOptions {
  /** A line under the title, e.g. the region and date of the chart. */
  subtitle?: string;
  /** Names of the organisations answering for a step, already resolved for one region. */
  organisations?: (step: PathwayStep, index: number) => readonly string[];
  /** Prefix of the ids inside the SVG, for pages that inline several diagrams. */
  idPrefix?: string;
}

const PAGE_WIDTH = 794;
const PAGE_HEIGHT = 1123;
const MARGIN = 48;
const FONT = "'DejaVu Sans', 'Noto Sans', Arial, sans-serif";
const TITLE_SIZE = 28;
const SUBTITLE_SIZE = 16;
const LABEL_SIZE = 20;
const ORGANISATION_SIZE = 15;
const BADGE_SIZE = 15;
const LINE_GAP = 1.3;
const PADDING = 14;
const NUMBER_WIDTH = 44;
const BADGE_WIDTH = 150;
const BADGE_HEIGHT = 30;
const ARROW_LENGTH = 36;
/** Average advance of a character in em for a sans-serif face: wrapping without measuring. */
const CHAR_EM = 0.56;

export function pathwayDiagramSvg(pathway: Pathway, labels: DiagramLabels, options: DiagramOptions = {}): string {
  const id = (options.idPrefix ?? 'pathway').replace(/[^A-Za-z0-9_-]/g, '') || 'pathway';
  const contentWidth = PAGE_WIDTH - 2 * MARGIN;
  const title = labels('targetGroup', pathway.targetGroup);
  const parts: string[] = [];

  let y = MARGIN;
  for (const line of wrap(title, contentWidth, TITLE_SIZE)) {
    y += TITLE_SIZE;
    parts.push(text(PAGE_WIDTH / 2, y, line, TITLE_SIZE, { anchor: 'middle', bold: true }));
    y += TITLE_SIZE * (LINE_GAP - 1);
  }
  if (options.subtitle) {
    y += 4;
    for (const line of wrap(options.subtitle, contentWidth, SUBTITLE_SIZE)) {
      y += SUBTITLE_SIZE;
      parts.push(text(PAGE_WIDTH / 2, y, line, SUBTITLE_SIZE, { anchor: 'middle' }));
      y += SUBTITLE_SIZE * (LINE_GAP - 1);
    }
  }
  y += 28;

  const textX = MARGIN + NUMBER_WIDTH + PADDING;
  const textWidth = contentWidth - NUMBER_WIDTH - BADGE_WIDTH - 3 * PADDING;
  const described: string[] = [];
  pathway.steps.forEach((step, index) => {
    const label = labels('serviceType', step.serviceType);
    const timing = labels('timing', step.timing);
    const organisations = options.organisations?.(step, index) ?? [];
    described.push(`${index + 1}. ${label} (${timing})`);

    const labelLines = wrap(label, textWidth, LABEL_SIZE);
    const organisationLines = organisations.flatMap((name) => wrap(`• ${name}`, textWidth, ORGANISATION_SIZE));
    const textHeight = labelLines.length * LABEL_SIZE * LINE_GAP + organisationLines.length * ORGANISATION_SIZE * LINE_GAP;
    const height = Math.max(BADGE_HEIGHT, textHeight) + 2 * PADDING;

    if (index > 0) {
      parts.push(arrow(PAGE_WIDTH / 2, y, y + ARROW_LENGTH));
      y += ARROW_LENGTH;
    }
    parts.push(`<rect x="${MARGIN}" y="${n(y)}" width="${contentWidth}" height="${n(height)}" rx="8" fill="#fff" stroke="#000" stroke-width="2"/>`);
    parts.push(`<line x1="${MARGIN + NUMBER_WIDTH}" y1="${n(y)}" x2="${MARGIN + NUMBER_WIDTH}" y2="${n(y + height)}" stroke="#000" stroke-width="1"/>`);
    parts.push(text(MARGIN + NUMBER_WIDTH / 2, y + height / 2 + LABEL_SIZE * 0.35, String(index + 1), LABEL_SIZE, { anchor: 'middle', bold: true }));

    // Centred beside the badge when the text is shorter than it.
    let lineY = y + (height - textHeight) / 2;
    for (const line of labelLines) {
      lineY += LABEL_SIZE;
      parts.push(text(textX, lineY, line, LABEL_SIZE, { bold: true }));
      lineY += LABEL_SIZE * (LINE_GAP - 1);
    }
    for (const line of organisationLines) {
      lineY += ORGANISATION_SIZE;
      parts.push(text(textX, lineY, line, ORGANISATION_SIZE));
      lineY += ORGANISATION_SIZE * (LINE_GAP - 1);
    }
    parts.push(badge(PAGE_WIDTH - MARGIN - PADDING - BADGE_WIDTH, y + PADDING, step.timing, timing));
    y += height;
  });

  const height = Math.max(PAGE_HEIGHT, Math.ceil(y + MARGIN));
  const heightMm = ((height * 210) / PAGE_WIDTH).toFixed(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" width="210mm" height="${heightMm}mm" viewBox="0 0 ${PAGE_WIDTH} ${height}" font-family="${escapeXml(FONT)}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(described.join(' → '))}</desc>`,
    `<rect width="${PAGE_WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/**
 * Labels from the seed taxonomies and the `referrals` catalogue, for pure code and tests; the
 * server and the browser pass the live terms instead, since a coordinator may rename them.
 */
export function seedDiagramLabels(locale: Locale): DiagramLabels {
  const names = new Map([...SERVICE_TYPES.terms, ...TARGET_GROUPS.terms].map((t) => [t.code, t.name[locale]]));
  return (kind, code) => (kind === 'timing' ? translate(locale, `referrals.timing.${code}`) : (names.get(code) ?? code));
}

/** Text content and attribute values alike: labels are user data. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Greedy word wrap on an estimated width. A word longer than a line is cut, so a label with
 * no spaces cannot run out of its box. Characters are counted by code point.
 */
export function wrap(value: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  const lines: string[] = [];
  let current = '';
  for (const word of value.trim().split(/\s+/).filter(Boolean)) {
    let rest = Array.from(word);
    while (rest.length > perLine) {
      if (current) lines.push(current);
      lines.push(rest.slice(0, perLine).join(''));
      current = '';
      rest = rest.slice(perLine);
    }
    const piece = rest.join('');
    if (!current) current = piece;
    else if (Array.from(current).length + 1 + rest.length <= perLine) current += ` ${piece}`;
    else {
      lines.push(current);
      current = piece;
    }
  }
  if (current) lines.push(current);
  return lines.length ? lines : [''];
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function text(x: number, y: number, value: string, size: number, style: { anchor?: 'middle'; bold?: boolean; fill?: string } = {}): string {
  const attributes = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${size}"`];
  if (style.anchor) attributes.push(`text-anchor="${style.anchor}"`);
  if (style.bold) attributes.push('font-weight="bold"');
  attributes.push(`fill="${style.fill ?? '#000'}"`);
  return `<text ${attributes.join(' ')}>${escapeXml(value)}</text>`;
}

function arrow(x: number, from: number, to: number): string {
  const head = 10;
  return [
    `<line x1="${n(x)}" y1="${n(from)}" x2="${n(x)}" y2="${n(to - head)}" stroke="#000" stroke-width="3"/>`,
    `<polygon points="${n(x - 8)},${n(to - head)} ${n(x + 8)},${n(to - head)} ${n(x)},${n(to)}" fill="#000"/>`,
  ].join('\n');
}

/**
 * Timing must read in black and white, so it is told by fill and border as well as by word:
 * immediate is solid black, within 72 h a thick outline, later a dashed one.
 */
function badge(x: number, y: number, timing: StepTiming, label: string): string {
  const solid = timing === 'immediate';
  const border = timing === 'later' ? 'stroke-width="2" stroke-dasharray="6 4"' : `stroke-width="${solid ? 2 : 4}"`;
  const size = Math.min(BADGE_SIZE, Math.max(14, Math.floor((BADGE_WIDTH - 12) / (Array.from(label).length * CHAR_EM))));
  return [
    `<rect x="${n(x)}" y="${n(y)}" width="${BADGE_WIDTH}" height="${BADGE_HEIGHT}" rx="15" fill="${solid ? '#000' : '#fff'}" stroke="#000" ${border}/>`,
    text(x + BADGE_WIDTH / 2, y + BADGE_HEIGHT / 2 + BADGE_SIZE * 0.35, label, size, { anchor: 'middle', bold: true, fill: solid ? '#fff' : '#000' }),
  ].join('\n');
}
