import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { type Plugin, defineConfig } from 'vite';
import { SERVER_ONLY_AREAS } from './src/domain/i18n/server-only.ts';
import { noReact } from './src/web/build/no-react.ts';
import { precompress } from './src/web/build/precompress.ts';
import { progressiveWebApp } from './src/web/build/pwa-plugin.ts';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const CATALOGUE = /[/\\]src[/\\]domain[/\\]i18n[/\\]catalogues[/\\][\w-]+[/\\](\w+)\.json$/;

/**
 * Phones on 2G should not download what they never run. The shared catalogues reach the
 * browser pre-parsed into ICU message ASTs, so the ICU parser (about 9 kB gzipped) is swapped
 * for formatjs's documented `no-parser` build; IntlMessageFormat formats ASTs the same way as
 * strings. Server-only areas are dropped. A malformed message now fails the build, not a page.
 */
/** The web build starts from the core catalogue areas; feature pages add theirs (`addMessages`). */
function coreCataloguesOnly(): Plugin {
  const core = fileURLToPath(new URL('./src/domain/i18n/catalogues/core.ts', import.meta.url));
  return {
    name: 'sira:core-catalogues',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './catalogues/index.ts' && importer && /[/\\]src[/\\]domain[/\\]i18n[/\\]translate\.ts$/.test(importer)) return core;
      return null;
    },
  };
}

function precompiledCatalogues(): Plugin {
  return {
    name: 'sira:precompiled-catalogues',
    enforce: 'pre',
    transform(code, id) {
      const match = CATALOGUE.exec(id.split('?')[0] ?? '');
      if (!match) return null;
      // The locale only steers date-skeleton hour cycles, which no message uses.
      const locale = match[1] ?? 'fr';
      const messages = JSON.parse(code) as Record<string, string>;
      const compiled: Record<string, unknown> = {};
      for (const [key, message] of Object.entries(messages)) {
        if (SERVER_ONLY_AREAS.has(key.slice(0, key.indexOf('.')))) continue;
        try {
          compiled[key] = new IntlMessageFormat(message, locale).getAst();
        } catch (err) {
          throw new Error(`${id}: message "${key}" is not valid ICU MessageFormat: ${(err as Error).message}`);
        }
      }
      return { code: JSON.stringify(compiled), map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  // Absolute asset URLs: the server answers any deep link with index.html.
  base: '/',
  plugins: [coreCataloguesOnly(), precompiledCatalogues(), noReact(), progressiveWebApp({ webRoot }), precompress()],
  resolve: {
    alias: [
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
      // react-hook-form is written for React; preact/compat gives it the same API in about 4 kB.
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
    ],
  },
  // Vite 8 compiles TS/JSX with Oxc; point the automatic runtime at Preact (no React, no plugin).
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Android Go phones run recent Chromium (94+ since 2021 covers es2022). Below es2022,
    // TanStack Query's private class members are rewritten into helpers: 8 kB more to download.
    target: 'es2022',
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // What the sign-in page needs goes in one file. Left to itself, the bundler splits every
        // module that lazy pages share with the entry into its own small file: a dozen requests
        // before the form shows, and on 2G (2 s round trips, six connections) each extra wave
        // of requests costs seconds.
        codeSplitting: {
          groups: [
            {
              name: 'app',
              test: /[\\/](src[\\/]web[\\/](api[\\/](client|commands|errors|uuid)|identity[\\/]session-store|shell[\\/]routes|ui[\\/](icons|text-field)|i18n[\\/]language-switcher|pwa[\\/]unsent-work)\.tsx?$|node_modules[\\/](preact-iso|react-hook-form)[\\/])/,
            },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev:web` talks to a locally running server for the API.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
