import './messages.ts';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { QueryView } from '../ui/query-view.tsx';
import { contentOf, exerciseTypeLabel, type LibraryItemView, localized, matches, useLibrary } from './library-api.ts';
import './activity-library.css';

interface Props {
  kind: 'theme' | 'exercise' | 'questionnaire';
  onPick: (item: LibraryItemView) => void;
  /** Ids already taken into the plan: shown, but their button is off. */
  pickedIds?: readonly string[];
}

/** A searchable list of the library's items of one kind, each with an "Add" button, for planning an activity. */
export function LibraryPicker({ kind, onPick, pickedIds = [] }: Props) {
  const { locale, t } = useI18n();
  const [search, setSearch] = useState('');
  const library = useLibrary(kind);
  const searchId = `library-picker-${kind}`;
  return (
    <div class="library-picker">
      <div class="field">
        <label for={searchId}>{t('activityLibrary.picker.search')}</label>
        <input id={searchId} type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} autocomplete="off" />
      </div>
      <QueryView query={library}>
        {(data) => {
          const shown = data.items.filter((item) => matches(item, search));
          if (shown.length === 0) return <p class="hint">{t('activityLibrary.picker.none')}</p>;
          return (
            <ul class="library-picker-list">
              {shown.map((item) => {
                const title = localized(item.title, locale);
                const content = contentOf(item);
                return (
                  <li key={item.id} class="library-picker-item">
                    <div>
                      <span class="library-picker-title">{title}</span>
                      {content.kind === 'exercise' && <span class="hint"> · {t(exerciseTypeLabel(content.exerciseType))}</span>}
                    </div>
                    <button type="button" class="button button-secondary button-inline" aria-label={t('activityLibrary.picker.addName', { title })} disabled={pickedIds.includes(item.id)} onClick={() => onPick(item)}>
                      {t('activityLibrary.picker.add')}
                    </button>
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryView>
    </div>
  );
}
