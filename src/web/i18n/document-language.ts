import { useLayoutEffect } from 'preact/hooks';
import type { Locale } from '../../domain/i18n/locales.ts';

/**
 * Before paint, in the same commit as the new text: never French words under lang="en".
 * The manifest follows too, so that installing the app names it in the language on screen.
 */
export function useDocumentLanguage(locale: Locale): void {
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (manifest) manifest.href = `/manifest.${locale}.webmanifest`;
  }, [locale]);
}
