import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { routesFor } from '../shell/routes.ts';
import { Icon } from '../ui/icons.tsx';

/** Where a signed-in person lands: who and where they are, and large doors to each page. */
export function HomePage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  if (state.status !== 'signedIn') return null;
  const { user } = state;
  const shortcuts = routesFor(user).filter((route) => route.nav && route.path !== '/');
  return (
    <Page id="home-title" title={t('nav.home')} heading={t('home.welcome', { name: user.displayName })}>
      <div class="card">
        <p class="organisation">{t('home.organisation', { name: user.organisation.name })}</p>
        <p>{t('home.today', { date: formatDate(locale, new Date(), 'full') })}</p>
      </div>
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('home.shortcuts')}</h2>
        <ul class="tiles">
          {shortcuts.map(
            (route) =>
              route.nav && (
                <li key={route.path}>
                  <a class="tile" href={route.path}>
                    <Icon name={route.nav.icon} size={40} />
                    <span>{t(route.nav.label)}</span>
                  </a>
                </li>
              ),
          )}
        </ul>
      </section>
    </Page>
  );
}
