import type { ComponentType } from 'preact';
import { Route, Router, useLocation } from 'preact-iso/router';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { useDocumentLanguage } from '../i18n/document-language.ts';
import { LoginPage } from '../identity/login-page.tsx';
import type { CurrentUser } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { Header } from './header.tsx';
import { PageErrorBoundary } from './page-error-boundary.tsx';
import { loadSignedInArea, routesFor } from './routes.ts';
import { StatusBanners } from './status-banners.tsx';
import { UnreachablePage } from './unreachable-page.tsx';

/** The frame every page shares: skip link, banner, notices, one `<main>`. */
export function Shell() {
  const { locale, t } = useI18n();
  const { path } = useLocation();
  useDocumentLanguage(locale);
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <StatusBanners />
      {/* tabIndex lets the skip link move focus, not only scroll, in every browser. */}
      <main id="main" tabIndex={-1}>
        <PageErrorBoundary path={path}>
          <Pages />
        </PageErrorBoundary>
      </main>
    </>
  );
}

/**
 * Which pages exist depends on who is there. Signed out, any address shows the login form
 * (and, once signed in, the page that was asked for); public pages stay reachable.
 */
function Pages() {
  const { state } = useSession();
  const { t } = useI18n();
  if (state.status === 'checking') return <Loading text={t('app.loading')} />;
  if (state.status === 'signedIn') return <SignedIn user={state.user} />;
  const fallback = state.status === 'unreachable' ? UnreachablePage : LoginPage;
  return (
    <Router>
      {[...routesFor(undefined).map((route) => <Route key={route.path} path={route.path} component={route.component} />), <Route key="*" default component={fallback} />]}
    </Router>
  );
}

function SignedIn({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const [Area, setArea] = useState<ComponentType<{ user: CurrentUser }> | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let active = true;
    loadSignedInArea().then(
      (module) => active && setArea(() => module.default),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
  }, []);
  if (failed) throw new Error('signed-in area failed to load'); // shown by PageErrorBoundary
  return Area ? <Area user={user} /> : <Loading text={t('app.loading')} />;
}

function Loading({ text }: { text: string }) {
  return (
    <p class="loading" role="status">
      {text}
    </p>
  );
}
