import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { hasAbility } from '../identity/session.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { type CaseDetail, caseCommand, caseKeys } from './cases-api.ts';
import { photoForUpload } from './photo-resize.ts';

/**
 * The person's photo, when the procedure wants one. It is shown only on request: phones are
 * shared and screens are seen over a shoulder, and the bytes cost something on 2G.
 */
export function CasePhoto({ file, me, editable }: { file: CaseDetail; me: CurrentUser; editable: boolean }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [unreadable, setUnreadable] = useState(false);
  const mayChange = editable && hasAbility(me, 'case.register');
  const save = useMutation({
    mutationFn: (photo: { contentType: string; data: string } | null) => caseCommand('case.set_photo', { caseId: file.id, photo }, locale, me.csrfToken),
    onSuccess: async () => {
      setConfirming(false);
      setShown(false);
      await queries.invalidateQueries({ queryKey: caseKeys.detail(file.id) });
    },
  });
  const choose = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const picked = input.files?.[0];
    input.value = '';
    if (!picked) return;
    const photo = await photoForUpload(picked);
    setUnreadable(photo === null);
    if (photo) save.mutate(photo);
  };
  if (!file.hasPhoto && !mayChange) return null;
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  return (
    <section class="card" aria-labelledby="case-photo-title">
      <h2 id="case-photo-title">{t('registration.photo.title')}</h2>
      {file.hasPhoto ? (
        shown ? (
          <img class="case-photo" src={`/api/cases/${encodeURIComponent(file.id)}/photo`} alt={t('registration.photo.alt', { code: file.caseCode })} />
        ) : (
          <button type="button" class="button button-secondary button-inline" onClick={() => setShown(true)}>
            {t('registration.photo.show')}
          </button>
        )
      ) : (
        <p>{t('registration.photo.none')}</p>
      )}
      {(unreadable || failure) && (
        <div class="form-error" role="alert">
          {failure ? problemMessage(failure, locale) : t('registration.photo.unreadable')}
        </div>
      )}
      {mayChange && (
        <p class="case-export">
          <label class="button button-secondary button-inline">
            {file.hasPhoto ? t('registration.photo.replace') : t('registration.photo.add')}
            <input type="file" accept="image/*" capture="user" class="case-photo-input" onChange={choose} disabled={save.isPending} />
          </label>{' '}
          {file.hasPhoto &&
            (confirming ? (
              <ConfirmInPlace question={t('registration.photo.removeConfirm')} yes={t('registration.photo.removeYes')} no={t('registration.discardNo')} pending={save.isPending} onConfirm={() => save.mutate(null)} onCancel={() => setConfirming(false)} />
            ) : (
              <button type="button" class="button button-secondary button-inline" onClick={() => setConfirming(true)}>
                {t('registration.photo.remove')}
              </button>
            ))}
        </p>
      )}
      {save.isPending && <p role="status">{t('registration.photo.saving')}</p>}
    </section>
  );
}
