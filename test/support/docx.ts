import { strFromU8, unzipSync } from 'fflate';

/** XML text with entities decoded. */
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** What a test reads back out of a generated Word file: its text, its tables' rows, its pictures. */
export interface DocxContent {
  text: string;
  /** Every table row as its cells' texts. */
  rows: string[][];
  media: string[];
}

export function readDocx(buffer: Uint8Array): DocxContent {
  const files = unzipSync(buffer);
  const xml = strFromU8(files['word/document.xml']!);
  const textOf = (fragment: string) => [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
  const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) => [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => textOf(tc[0])));
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0]));
  return { text: paragraphs.join('\n'), rows, media: Object.keys(files).filter((f) => f.startsWith('word/media/')) };
}

/** The row whose first cell is `first`, the n-th such (tables repeat "Total"). */
export function rowStarting(rows: string[][], first: string, nth = 0): string[] | undefined {
  return rows.filter((r) => r[0] === first)[nth];
}
