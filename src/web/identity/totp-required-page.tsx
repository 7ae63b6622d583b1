import './messages.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { useRefreshUser } from './refresh-user.ts';
import { useSession } from './session-store.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

/**
 * Shown at every address while a role of the account requires a second factor it lacks: the
 * server refuses everything else (TOTP_ENROLMENT_REQUIRED) until it is set up. Once confirmed,
 * the refreshed account brings back the page that was asked for.
 */
export function TotpRequiredPage() {
  const { state } = useSession();
  const { t } = useI18n();
  const refresh = useRefreshUser();
  if (state.status !== 'signedIn') return null;
  return (
    <Page id="totp-required-title" narrow title={t('totp.requiredTitle')}>
      <section class="card" aria-labelledby="totp-required-title">
        <p>{t('totp.requiredIntro')}</p>
        <p class="hint">{t('totp.intro')}</p>
        <TotpEnrolment me={state.user} onEnabled={refresh} />
      </section>
    </Page>
  );
}
