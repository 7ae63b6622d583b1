import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { Icon } from '../ui/icons.tsx';
import { SERVICE_CATEGORIES, STATUSES } from '../ui/pictograms.ts';
import { StatusBadge } from '../ui/status-badge.tsx';

/**
 * Reachable before sign-in and with no connection: what Sira does offline (and, honestly,
 * what it does not do yet), and the meaning of every pictogram, for training sessions.
 */
export function HelpPage() {
  const { t } = useI18n();
  return (
    <Page id="help-title" title={t('nav.help')}>
      <section class="card" aria-labelledby="offline-title">
        <h2 id="offline-title">{t('offline.help.title')}</h2>
        <h3>{t('offline.help.works')}</h3>
        <ul class="check-list">
          <li>
            <Icon name="done" size={20} />
            <span>{t('offline.help.worksOpen')}</span>
          </li>
          <li>
            <Icon name="done" size={20} />
            <span>{t('offline.help.worksLanguage')}</span>
          </li>
          <li>
            <Icon name="done" size={20} />
            <span>{t('offline.help.worksHelp')}</span>
          </li>
        </ul>
        <h3>{t('offline.help.needs')}</h3>
        <ul class="check-list">
          <li>
            <Icon name="offline" size={20} />
            <span>{t('offline.help.needsSignIn')}</span>
          </li>
          <li>
            <Icon name="offline" size={20} />
            <span>{t('offline.help.needsData')}</span>
          </li>
        </ul>
        <p class="hint">{t('offline.help.later')}</p>
      </section>
      <section class="card" aria-labelledby="pictograms-title">
        <h2 id="pictograms-title">{t('shell.help.pictograms')}</h2>
        <h3>{t('shell.help.categories')}</h3>
        <ul class="pictogram-grid">
          {Object.entries(SERVICE_CATEGORIES).map(([name, { icon, label }]) => (
            <li key={name}>
              <Icon name={icon} size={32} />
              <span>{t(label)}</span>
            </li>
          ))}
        </ul>
        <h3>{t('shell.help.statuses')}</h3>
        <ul class="status-list">
          {(Object.keys(STATUSES) as Array<keyof typeof STATUSES>).map((name) => (
            <li key={name}>
              <StatusBadge status={name} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
