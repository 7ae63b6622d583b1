import { useI18n } from '../i18n/i18n.ts';
import { UpdatePrompt } from '../pwa/update-prompt.tsx';
import { Icon } from '../ui/icons.tsx';
import { useOnline } from './connectivity.ts';

/**
 * Notices about the app itself, under the header on every page. The region exists before
 * anything is said in it, so screen readers announce the offline notice when it appears.
 */
export function StatusBanners() {
  const { t } = useI18n();
  const online = useOnline();
  return (
    <div class="status-banners" role="status">
      {!online && (
        <div class="banner banner-offline">
          <Icon name="offline" />
          <div class="banner-body">
            <p>{t('offline.banner')}</p>
            <p>
              <a href="/help">{t('offline.whatWorks')}</a>
            </p>
          </div>
        </div>
      )}
      <UpdatePrompt />
    </div>
  );
}
