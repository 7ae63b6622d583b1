import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';

/** Brand colours, as in styles.css: the splash screen and the status bar match the header. */
const THEME = '#0b3d6b';
const BACKGROUND = '#f3f4f6';

/**
 * One manifest per language (the app points <link rel="manifest"> at the current one), all
 * with the same `id`, so that installing in English or in Bambara is the same app.
 */
export function webManifest(locale: Locale): Record<string, unknown> {
  return {
    id: '/',
    name: translate(locale, 'app.manifest.name'),
    short_name: translate(locale, 'app.name'),
    description: translate(locale, 'app.manifest.description'),
    lang: locale,
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: BACKGROUND,
    theme_color: THEME,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ],
  };
}
