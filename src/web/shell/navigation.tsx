import { useLocation } from 'preact-iso/router';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { Icon } from '../ui/icons.tsx';
import { isCurrentPath, routesFor } from './routes.ts';

/** Pictogram above word, a large target each; the current page is marked for screen readers too. */
export function Navigation({ user }: { user: CurrentUser }) {
  const { path } = useLocation();
  const { t } = useI18n();
  return (
    <nav class="main-nav" aria-label={t('nav.label')}>
      <ul>
        {routesFor(user).map(
          (route) =>
            route.nav && (
              <li key={route.path}>
                <a href={route.path} aria-current={isCurrentPath(path, route.path) ? 'page' : undefined}>
                  <Icon name={route.nav.icon} />
                  <span>{t(route.nav.label)}</span>
                </a>
              </li>
            ),
        )}
      </ul>
    </nav>
  );
}
