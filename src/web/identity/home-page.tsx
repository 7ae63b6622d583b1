import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Layout } from '../shell/layout.tsx';
import { type CurrentUser, signOut } from './session.ts';

interface Props {
  user: CurrentUser;
  onSignedOut(): void;
}

export function HomePage({ user, onSignedOut }: Props) {
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The page replaced the form the person was in: tell screen readers where they are now.
  useEffect(() => headingRef.current?.focus(), []);

  async function logout() {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await signOut(locale, user.csrfToken);
    setBusy(false);
    // 401: the session already ended on the server (expired, revoked); the outcome is the same.
    if (result.kind === 'ok' || (result.kind === 'error' && result.status === 401)) {
      onSignedOut();
      return;
    }
    setError(result.kind === 'network' ? t('app.networkError') : result.error.message);
  }

  return (
    <Layout>
      <section class="card" aria-labelledby="home-title">
        <h1 id="home-title" tabIndex={-1} ref={headingRef}>
          {t('home.welcome', { name: user.displayName })}
        </h1>
        <p class="organisation">{t('home.organisation', { name: user.organisation.name })}</p>
        <div class={error ? 'form-error' : 'form-error is-empty'} role="alert">
          {error}
        </div>
        <button type="button" class="button button-secondary" onClick={logout} disabled={busy} aria-busy={busy}>
          {t('home.logout')}
        </button>
      </section>
    </Layout>
  );
}
