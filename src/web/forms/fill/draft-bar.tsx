import { useState } from 'preact/hooks';
import { useI18n } from '../../i18n/i18n.ts';
import type { DraftState } from '../drafts/use-draft.ts';
import { ConfirmInPlace } from '../../ui/confirm-in-place.tsx';

/** Tells that a draft was restored or is kept on this device, and discards it after a confirmation. */
export function DraftBar({ draft, onDiscarded }: { draft: DraftState; onDiscarded(): void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const discard = async () => {
    setBusy(true);
    try {
      await draft.discard();
      setConfirming(false);
      onDiscarded();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="form-draft">
      {draft.restored && (
        <p class="card form-restored" role="status">
          {t('formFill.draft.restored')}
        </p>
      )}
      {draft.failed && (
        <p class="form-error" role="alert">
          {t('formFill.draft.failed')}
        </p>
      )}
      <p class="form-saved" role="status">
        {draft.stored ? t('formFill.draft.saved') : ''}
      </p>
      {draft.stored &&
        (confirming ? (
          <ConfirmInPlace
            question={t('formFill.draft.discardConfirm')}
            yes={t('formFill.draft.discardYes')}
            no={t('formFill.cancel')}
            pending={busy}
            onConfirm={() => void discard()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" class="button button-secondary button-inline" onClick={() => setConfirming(true)}>
            {t('formFill.draft.discard')}
          </button>
        ))}
    </div>
  );
}
