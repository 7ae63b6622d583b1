import './messages.ts';
import { useState } from 'preact/hooks';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { useI18n } from '../i18n/i18n.ts';
import { hasAbility } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { type LibraryKind, matches, useLibrary } from './library-api.ts';
import { LibraryItemCard } from './library-item-card.tsx';
import { LibraryItemForm } from './library-item-form.tsx';
import './activity-library.css';

const KINDS: readonly LibraryKind[] = ['theme', 'exercise', 'questionnaire'];

/** The library activities are planned from: themes, exercises, questionnaires; kept by officers and the coordinator. */
export function ActivityLibraryPage() {
  const { state } = useSession();
  const { t } = useI18n();
  const [kind, setKind] = useState<LibraryKind>('theme');
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const library = useLibrary(kind, { archived: showArchived });
  if (state.status !== 'signedIn') return null;
  const csrfToken = hasAbility(state.user, 'activity_library.manage') ? state.user.csrfToken : null;

  return (
    <Page id="library-title" title={t('activityLibrary.title')}>
      <p>{t('activityLibrary.intro')}</p>
      <div class="library-tabs" role="group" aria-label={t('activityLibrary.tabs')}>
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            class="button button-secondary button-inline"
            aria-pressed={k === kind}
            onClick={() => {
              setKind(k);
              setAdding(false);
            }}
          >
            {t(`activityLibrary.tab.${k}` as MessageKey)}
          </button>
        ))}
      </div>
      {csrfToken &&
        (adding ? (
          <LibraryItemForm key={kind} kind={kind} csrfToken={csrfToken} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" class="button button-primary button-inline" onClick={() => setAdding(true)}>
            {t(`activityLibrary.new.${kind}` as MessageKey)}
          </button>
        ))}
      <div class="field admin-search">
        <label for="library-search">{t('activityLibrary.search')}</label>
        <input id="library-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      </div>
      <label class="admin-check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        <span>{t('activityLibrary.showArchived')}</span>
      </label>
      <QueryView query={library}>
        {(data) => {
          const shown = data.items.filter((item) => matches(item, search));
          if (shown.length === 0) return <p class="card">{t(data.items.length === 0 ? 'activityLibrary.none' : 'activityLibrary.noneMatch')}</p>;
          return (
            <ul class="library-list" aria-label={t(`activityLibrary.tab.${kind}` as MessageKey)}>
              {shown.map((item) => (
                <LibraryItemCard key={item.id} item={item} csrfToken={csrfToken} />
              ))}
            </ul>
          );
        }}
      </QueryView>
    </Page>
  );
}
