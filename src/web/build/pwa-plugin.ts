import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Plugin, build } from 'vite';
import { LOCALES } from '../../domain/i18n/locales.ts';
import { webManifest } from './manifest.ts';

interface Options {
  /** src/web: holds `public/` and `sw/service-worker.ts`. */
  webRoot: string;
}

/**
 * The installable part of the app, without a PWA framework: one manifest per language and a
 * service worker that precaches exactly the files of this build.
 *
 * Why not vite-plugin-pwa/workbox: `npm start` builds the app on the server, so every build
 * plugin is a production dependency; workbox-build brings Babel, Rollup and Terser (about 150
 * packages) to every ministry's install. What Sira needs is small: precache the shell, never
 * touch /api/, and wait for the user before activating an update (see sw/service-worker.ts).
 */
export function progressiveWebApp({ webRoot }: Options): Plugin {
  const publicDir = path.join(webRoot, 'public');
  return {
    name: 'sira:pwa',
    apply: 'build',
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        // The files a phone needs to open the app with no connection: every file of the
        // build (lazy routes included, so no page is missing offline) and the public icons.
        const contents = new Map<string, string | Uint8Array>();
        for (const [fileName, item] of Object.entries(bundle)) {
          if (fileName.endsWith('.map')) continue;
          contents.set(fileName, item.type === 'chunk' ? item.code : item.source);
        }
        for (const locale of LOCALES) {
          const fileName = `manifest.${locale}.webmanifest`;
          const source = `${JSON.stringify(webManifest(locale), null, 2)}\n`;
          this.emitFile({ type: 'asset', fileName, source });
          contents.set(fileName, source);
        }
        for (const file of listFiles(publicDir)) contents.set(path.relative(publicDir, file).split(path.sep).join('/'), fs.readFileSync(file));
        const urls = [...contents.keys()].sort().map((name) => `/${name}`);
        const unsafe = urls.filter((url) => url.startsWith('/api/') || url === '/sw.js');
        if (unsafe.length) throw new Error(`the service worker must never precache ${unsafe.join(', ')}`);

        const hash = createHash('sha256');
        for (const name of [...contents.keys()].sort()) hash.update(name).update('\0').update(contents.get(name) ?? '').update('\0');
        const version = hash.digest('hex').slice(0, 16);

        this.emitFile({ type: 'asset', fileName: 'sw.js', source: await buildServiceWorker(webRoot, urls, version) });
      },
    },
  };
}

/** The worker is a classic script (every Android browser runs those), bundled on its own. */
async function buildServiceWorker(webRoot: string, precache: string[], version: string): Promise<string> {
  const result = await build({
    configFile: false,
    root: webRoot,
    logLevel: 'warn',
    publicDir: false,
    define: { __SIRA_PRECACHE__: JSON.stringify(precache), __SIRA_VERSION__: JSON.stringify(version) },
    build: {
      write: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: path.join(webRoot, 'sw', 'service-worker.ts'), formats: ['iife'], name: 'siraServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!('output' in out)) continue;
    const chunk = out.output.find((o) => o.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('the service worker build produced no script');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}
