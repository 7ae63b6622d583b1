import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { ActivityEvent } from '../../domain/activities/lifecycle.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ProblemBox } from '../referrals/problem-box.tsx';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';
import { type ActivityDetail, activityCommand, activityKeys } from './activities-api.ts';
import { eventKey } from './labels.ts';

/** What each step asks before it is sent: nothing, a confirmation (closing for good), or a reason. */
type Ask = 'nothing' | 'confirm' | 'reason';
const ASKS: Record<ActivityEvent, Ask> = { confirm: 'nothing', hold: 'nothing', report: 'confirm', cancel: 'reason' };

/** The steps the server allows now (`allowedEvents`), each opening in place when it needs more. */
export function LifecycleActions({ detail, me }: { detail: ActivityDetail; me: CurrentUser }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ActivityEvent | null>(null);
  if (!detail.canManage || detail.allowedEvents.length === 0) return null;
  return (
    <section class="card" aria-labelledby="activity-actions-title">
      <h2 id="activity-actions-title">{t('activities.detail.actions')}</h2>
      <p class="hint">{t('activities.detail.actionsHint')}</p>
      {open ? (
        <StepForm key={open} event={open} detail={detail} me={me} onDone={() => setOpen(null)} />
      ) : (
        <div class="activity-actions">
          {detail.allowedEvents.map((event) =>
            ASKS[event] === 'nothing' ? (
              <ImmediateStep key={event} event={event} detail={detail} me={me} />
            ) : (
              <button key={event} type="button" class={event === 'cancel' ? 'button button-secondary' : 'button button-primary'} onClick={() => setOpen(event)}>
                {t(eventKey(event))}
              </button>
            ),
          )}
        </div>
      )}
    </section>
  );
}

function useStep(event: ActivityEvent, detail: ActivityDetail, me: CurrentUser, onDone?: () => void) {
  const { locale } = useI18n();
  const queries = useQueryClient();
  // One id per attempt at this step, so a retry after a lost answer is applied once.
  const [commandId] = useState(newCommandId);
  return useMutation({
    mutationFn: (reason?: string) =>
      activityCommand(`activity.${event}`, { activityId: detail.id, expectedVersion: detail.version, ...(reason ? { reason } : {}) }, locale, me.csrfToken, commandId),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: activityKeys.all });
      onDone?.();
    },
  });
}

function ImmediateStep({ event, detail, me }: { event: ActivityEvent; detail: ActivityDetail; me: CurrentUser }) {
  const { t } = useI18n();
  const run = useStep(event, detail, me);
  return (
    <div>
      <ProblemBox error={run.error} />
      <button type="button" class="button button-primary" disabled={run.isPending} aria-busy={run.isPending} onClick={() => run.mutate(undefined)}>
        {t(eventKey(event))}
      </button>
    </div>
  );
}

function StepForm({ event, detail, me, onDone }: { event: ActivityEvent; detail: ActivityDetail; me: CurrentUser; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const run = useStep(event, detail, me, onDone);
  if (ASKS[event] === 'confirm') {
    return (
      <>
        <ProblemBox error={run.error} />
        <ConfirmInPlace question={t('activities.detail.reportQuestion')} yes={t(eventKey(event))} no={t('activities.detail.back')} pending={run.isPending} onConfirm={() => run.mutate(undefined)} onCancel={onDone} />
      </>
    );
  }
  const id = `activity-${event}-reason`;
  const showMissing = missing && !reason.trim();
  return (
    <form
      class="admin-section"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        run.mutate(reason.trim());
      }}
    >
      <h3 id={`${id}-title`}>{t(eventKey(event))}</h3>
      <ProblemBox error={run.error} />
      <div class="field">
        <label for={id}>{t('activities.detail.cancelReason')}</label>
        <textarea
          id={id}
          rows={3}
          maxLength={2000}
          value={reason}
          required
          aria-invalid={showMissing ? true : undefined}
          aria-describedby={showMissing ? `${id}-error` : undefined}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        {showMissing && (
          <p id={`${id}-error`} class="field-error">
            {t('activities.detail.reasonRequired')}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary" disabled={run.isPending} aria-busy={run.isPending}>
        {t('activities.detail.confirmCancel')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onDone}>
        {t('activities.detail.back')}
      </button>
    </form>
  );
}
