import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../domain/i18n/locales.ts';
import { saveDeviceLocale } from './i18n/device-locale.ts';
import { I18nProvider, createI18n } from './i18n/i18n.ts';
import { HomePage } from './identity/home-page.tsx';
import { LoginPage } from './identity/login-page.tsx';
import { type CurrentUser, fetchCurrentUser } from './identity/session.ts';

type Session =
  | { status: 'loading' }
  | { status: 'anonymous'; notice?: string | undefined }
  | { status: 'signedIn'; user: CurrentUser };

interface Props {
  initialLocale: Locale;
}

export function App({ initialLocale }: Props) {
  const [deviceLocale, setDeviceLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session>({ status: 'loading' });
  // Once signed in, the language the user chose in their account wins over the device's.
  const locale = session.status === 'signedIn' ? session.user.locale : deviceLocale;
  const i18n = useMemo(() => createI18n(locale), [locale]);

  // Before paint, in the same commit as the new text: never French words under lang="en".
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let active = true;
    void fetchCurrentUser(deviceLocale).then((result) => {
      if (!active) return;
      if (result.kind === 'ok') setSession({ status: 'signedIn', user: result.data });
      else if (result.kind === 'network') setSession({ status: 'anonymous', notice: i18n.t('app.networkError') });
      // 401 is the ordinary "not signed in"; any other answer is worth showing.
      else setSession({ status: 'anonymous', notice: result.status === 401 ? undefined : result.error.message });
    });
    return () => {
      active = false;
    };
    // Only at start: later changes of language do not re-ask who is signed in.
  }, []);

  function changeDeviceLocale(next: Locale) {
    saveDeviceLocale(next);
    setDeviceLocale(next);
  }

  return (
    <I18nProvider value={i18n}>
      {session.status === 'loading' ? (
        <main id="main" class="loading">
          <p role="status">{i18n.t('app.loading')}</p>
        </main>
      ) : session.status === 'signedIn' ? (
        <HomePage user={session.user} onSignedOut={() => setSession({ status: 'anonymous' })} />
      ) : (
        <LoginPage
          notice={session.notice}
          onLocaleChange={changeDeviceLocale}
          onSignedIn={(user) => setSession({ status: 'signedIn', user })}
        />
      )}
    </I18nProvider>
  );
}
