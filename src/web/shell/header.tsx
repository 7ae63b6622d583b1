import { useState } from 'preact/hooks';
import type { ApiProblem } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { useSession } from '../identity/session-store.tsx';
import { hasAbility } from '../identity/session.ts';
import { Icon } from '../ui/icons.tsx';
import { NotificationBellSlot } from '../notifications/bell-slot.tsx';
import { Navigation } from './navigation.tsx';

/**
 * Before sign-in: the app's name, what it is for, and the device's language. After: the main
 * navigation and a sign-out that is always one tap away (phones are shared).
 */
export function Header() {
  const session = useSession();
  const { locale, t } = useI18n();
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const user = session.state.status === 'signedIn' ? session.state.user : undefined;

  async function signOut() {
    if (signingOut) return;
    setSigningOut(true);
    setProblem(undefined);
    const failed = await session.signOut();
    setSigningOut(false);
    setProblem(failed);
  }

  return (
    <header class="app-header">
      <div class={user ? 'app-header-inner' : 'app-header-inner is-narrow'}>
        <div class="app-header-bar">
          <p class="brand">{t('app.name')}</p>
          {user && !user.totpEnrolmentRequired && hasAbility(user, 'notification.list') && <NotificationBellSlot />}
          {user && (
            <button type="button" class="header-button" onClick={signOut} disabled={signingOut} aria-busy={signingOut}>
              <Icon name="signOut" />
              <span>{signingOut ? t('shell.signingOut') : t('home.logout')}</span>
            </button>
          )}
        </div>
        {user ? (
          <Navigation user={user} />
        ) : (
          <>
            <p class="tagline">{t('app.tagline')}</p>
            <LanguageSwitcher labelId="device-language" onChange={session.setDeviceLocale} />
          </>
        )}
        <div class={problem ? 'header-alert' : 'header-alert is-empty'} role="alert">
          {problem && problemMessage(problem, locale)}
        </div>
      </div>
    </header>
  );
}
