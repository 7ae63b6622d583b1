import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface FileSize {
  /** Path under the web root, e.g. /assets/index-abc.js. */
  path: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/** Sizes of a built file as a server would send it: plain, gzip -9 and brotli 11. */
export function sizeOf(webDir: string, urlPath: string): FileSize {
  const data = fs.readFileSync(path.join(webDir, urlPath));
  return {
    path: urlPath,
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function total(sizes: readonly FileSize[]): Omit<FileSize, 'path'> {
  return sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** Every JavaScript file of the build, for comparison with what a page actually loads. */
export function allScripts(webDir: string): FileSize[] {
  return fs
    .readdirSync(path.join(webDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => sizeOf(webDir, `/assets/${f}`));
}

export function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}
