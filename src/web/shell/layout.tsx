import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

interface Props {
  /**
   * Names the page in the tab and in the history, before the app's name. Never personal
   * data: on a shared phone the history outlives the session.
   */
  title?: string | undefined;
  /** Shown under the app's name, e.g. the language switcher before sign-in. */
  headerExtra?: ComponentChildren;
  children: ComponentChildren;
}

/** The frame every page shares: skip link, banner, one `<main>`. */
export function Layout({ title, headerExtra, children }: Props) {
  const { t } = useI18n();
  useLayoutEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title, t]);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="app-header">
        <div class="app-header-inner">
          <p class="brand">{t('app.name')}</p>
          <p class="tagline">{t('app.tagline')}</p>
          {headerExtra}
        </div>
      </header>
      {/* tabIndex lets the skip link move focus, not only scroll, in every browser. */}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
