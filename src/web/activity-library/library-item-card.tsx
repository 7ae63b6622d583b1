import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { command } from '../admin/admin-api.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { audienceLabel, contentOf, exerciseTypeLabel, type LibraryItemView, libraryKeys, localized } from './library-api.ts';
import { LibraryItemForm } from './library-item-form.tsx';

interface Props {
  item: LibraryItemView;
  /** The reader may add, edit and archive (activity_library.manage); null otherwise. */
  csrfToken: string | null;
}

/** One theme, exercise or questionnaire, in the reader's language, with edit and archive for those who keep the library. */
export function LibraryItemCard({ item, csrfToken }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const archive = useMutation({
    mutationFn: (token: string) => command('activity_library.archive', { itemId: item.id, archived: !item.archived }, locale, token),
    onSuccess: async () => {
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });
  const failure = archive.error instanceof ApiFailure ? archive.error.problem : undefined;
  const title = localized(item.title, locale);
  const description = localized(item.description, locale);
  const content = contentOf(item);
  const titleId = `library-item-${item.id}`;

  if (editing && csrfToken) return <LibraryItemForm kind={item.kind} item={item} csrfToken={csrfToken} onDone={() => setEditing(false)} />;

  return (
    <li class="card library-item" aria-labelledby={titleId}>
      <h2 id={titleId} class="library-item-title">
        {title}
      </h2>
      {(item.builtinKey || item.archived) && (
        <p>
          {item.builtinKey && <span class="chip">{t('activityLibrary.builtin')}</span>}
          {item.archived && <span class="chip tone-warning">{t('activityLibrary.archived')}</span>}
        </p>
      )}
      {content.kind === 'exercise' && <p class="hint">{t(exerciseTypeLabel(content.exerciseType))}</p>}
      {description && <p class="library-text">{description}</p>}
      {content.kind === 'exercise' && content.instructions && (
        <details>
          <summary>{t('activityLibrary.instructions')}</summary>
          <p class="library-text">{content.instructions}</p>
          {content.materials.length > 0 && (
            <>
              <h3 class="library-subtitle">{t('activityLibrary.materials')}</h3>
              <ul>
                {content.materials.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      {content.kind === 'questionnaire' && (
        <p class="hint">
          {t(`activityLibrary.role.${content.role}`)} · {t('activityLibrary.formKey', { formKey: content.formKey })}
        </p>
      )}
      {item.audiences.length > 0 && <p class="hint">{item.audiences.map((a) => t(audienceLabel(a))).join(', ')}</p>}
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {csrfToken &&
        (confirming ? (
          <ConfirmInPlace
            question={t(item.archived ? 'activityLibrary.restoreConfirm' : 'activityLibrary.archiveConfirm', { title })}
            yes={t('activityLibrary.confirm')}
            no={t('activityLibrary.cancel')}
            pending={archive.isPending}
            onConfirm={() => archive.mutate(csrfToken)}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <div class="library-item-actions">
            <button type="button" class="button button-secondary button-inline" aria-label={t('activityLibrary.editName', { title })} onClick={() => setEditing(true)}>
              {t('activityLibrary.edit')}
            </button>
            <button type="button" class="button button-secondary button-inline" aria-label={t(item.archived ? 'activityLibrary.restoreName' : 'activityLibrary.archiveName', { title })} onClick={() => setConfirming(true)}>
              {item.archived ? t('activityLibrary.restore') : t('activityLibrary.archive')}
            </button>
          </div>
        ))}
    </li>
  );
}
