import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * DejaVu Sans writes every Bambara letter (ɛ ɔ ɲ ŋ) that PDF's built-in Helvetica lacks;
 * PDFKit embeds only the glyphs a leaflet uses, so a leaflet stays a few dozen kilobytes.
 * The files are read once and kept (about 1.4 MB) rather than read again for each leaflet.
 */
const PATHS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

let loaded: { regular: Buffer; bold: Buffer } | undefined;

export function leafletFonts(): { regular: Buffer; bold: Buffer } {
  loaded ??= { regular: fs.readFileSync(PATHS.regular), bold: fs.readFileSync(PATHS.bold) };
  return loaded;
}
