import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Icon } from '../ui/icons.tsx';
import { Page } from './page.tsx';

/**
 * Someone may be signed in, but the server cannot say who: the account stays hidden (a
 * shared phone shows nothing of a previous user) and Sira asks again when the network returns.
 */
export function UnreachablePage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page id="unreachable-title" narrow title={t('offline.unreachable.title')}>
      <div class="card">
        <p>{t('offline.unreachable.body')}</p>
        <button type="button" class="button button-primary" onClick={() => session.recheck()}>
          {t('shell.retry')}
        </button>
        <p class="page-link">
          <a href="/help">
            <Icon name="help" />
            <span>{t('offline.whatWorks')}</span>
          </a>
        </p>
      </div>
    </Page>
  );
}
