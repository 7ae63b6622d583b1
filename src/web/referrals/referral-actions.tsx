import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { REFERRAL_NOTE_MAX } from '../../domain/referrals/schemas.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ProblemBox } from './problem-box.tsx';
import { type PersonEvent, type ReferralDetail, referralCommand, referralKeys } from './referrals-api.ts';

/** What each action asks for before it is sent: nothing, a reason the other side reads, an optional outcome note, or the paper's answer. */
type Ask = 'nothing' | 'reason' | 'note' | 'paper';
const ASKS: Record<PersonEvent, Ask> = {
  accept: 'nothing',
  start: 'nothing',
  decline: 'reason',
  not_complete: 'reason',
  cancel: 'reason',
  complete: 'note',
  record_paper_outcome: 'paper',
};

const actionKey = (event: PersonEvent) => `referrals.action.${event}` as MessageKey;
const noteLabelKey = (event: PersonEvent) => `referrals.action.${event}Note` as MessageKey;

/** The buttons of what this side may do now (the server's `allowedEvents`), each opening in place when it needs words. */
export function ReferralActions({ detail, me }: { detail: ReferralDetail; me: CurrentUser }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<PersonEvent | null>(null);
  if (detail.allowedEvents.length === 0) return null;
  return (
    <section class="card" aria-labelledby="referral-actions-title">
      <h2 id="referral-actions-title">{t('referrals.detail.actions')}</h2>
      {open ? (
        <ActionForm key={open} event={open} detail={detail} me={me} onDone={() => setOpen(null)} />
      ) : (
        <div class="referral-actions">
          {detail.allowedEvents.map((event) =>
            ASKS[event] === 'nothing' ? (
              <ImmediateAction key={event} event={event} detail={detail} me={me} />
            ) : (
              <button key={event} type="button" class={event === 'complete' ? 'button button-primary' : 'button button-secondary'} onClick={() => setOpen(event)}>
                {t(actionKey(event))}
              </button>
            ),
          )}
        </div>
      )}
    </section>
  );
}

function useReferralStep(event: PersonEvent, detail: ReferralDetail, me: CurrentUser, onDone?: () => void) {
  const { locale } = useI18n();
  const queries = useQueryClient();
  // One id per attempt at this action, so a retry after a lost answer is applied once.
  const [commandId] = useState(newCommandId);
  return useMutation({
    mutationFn: (input: { note?: string; outcome?: 'completed' | 'not_completed' }) => referralCommand(`referral.${event}`, { referralId: detail.referral.id, ...input }, locale, me.csrfToken, commandId),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: referralKeys.all });
      onDone?.();
    },
  });
}

function ImmediateAction({ event, detail, me }: { event: PersonEvent; detail: ReferralDetail; me: CurrentUser }) {
  const { t } = useI18n();
  const run = useReferralStep(event, detail, me);
  return (
    <div>
      <ProblemBox error={run.error} />
      <button type="button" class="button button-primary" disabled={run.isPending} aria-busy={run.isPending} onClick={() => run.mutate({})}>
        {t(actionKey(event))}
      </button>
    </div>
  );
}

function ActionForm({ event, detail, me, onDone }: { event: PersonEvent; detail: ReferralDetail; me: CurrentUser; onDone(): void }) {
  const { t } = useI18n();
  const ask = ASKS[event];
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'completed' | 'not_completed'>('completed');
  const [missing, setMissing] = useState(false);
  const run = useReferralStep(event, detail, me, onDone);
  const id = `referral-${event}-note`;
  return (
    <form
      class="admin-section"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (ask === 'reason' && !note.trim()) {
          setMissing(true);
          return;
        }
        run.mutate({ ...(note.trim() ? { note: note.trim() } : {}), ...(ask === 'paper' ? { outcome } : {}) });
      }}
    >
      <h3 id={`${id}-title`}>{t(actionKey(event))}</h3>
      <ProblemBox error={run.error} />
      {ask === 'paper' && (
        <fieldset class="referral-choice">
          <legend>{t('referrals.action.paperOutcome')}</legend>
          {(['completed', 'not_completed'] as const).map((o) => (
            <label key={o} class="admin-check referral-check">
              <input type="radio" name="paper-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              {t(o === 'completed' ? 'referrals.state.completed' : 'referrals.state.not_completed')}
            </label>
          ))}
        </fieldset>
      )}
      <div class="field">
        <label for={id}>{t(noteLabelKey(event))}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={REFERRAL_NOTE_MAX}
          value={note}
          required={ask === 'reason'}
          aria-invalid={missing && !note.trim() ? true : undefined}
          aria-describedby={missing && !note.trim() ? `${id}-error` : undefined}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        {missing && !note.trim() && (
          <p id={`${id}-error`} class="field-error">
            {t('referrals.action.reasonRequired')}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary" disabled={run.isPending} aria-busy={run.isPending}>
        {t('referrals.action.save')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onDone}>
        {t('referrals.action.back')}
      </button>
    </form>
  );
}
