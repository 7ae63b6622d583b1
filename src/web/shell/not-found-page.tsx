import { useI18n } from '../i18n/i18n.ts';
import { Page } from './page.tsx';

/** Also what a person sees at the address of a page they may not open: no hint that it exists. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page id="not-found-title" title={t('shell.notFound.title')}>
      <div class="card">
        <p>{t('shell.notFound.body')}</p>
        <p class="page-link">
          <a href="/">{t('shell.notFound.home')}</a>
        </p>
      </div>
    </Page>
  );
}
