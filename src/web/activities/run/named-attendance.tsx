import { useMutation, useQuery } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { ConfirmInPlace } from '../../ui/confirm-in-place.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { ageBandKey, categoryKey, sexKey } from './labels.ts';
import { ParticipantForm } from './participant-form.tsx';
import { RollCall } from './roll-call.tsx';
import type { RunContext } from './run-frame.tsx';
import { type ParticipantView, getParticipants, runCommand, runKeys } from './run-api.ts';

/**
 * Named attendance: register people as they arrive (each gets a code to write on their
 * tests), then tick who is there, day by day.
 */
export function NamedAttendance({ ctx }: { ctx: RunContext }) {
  const { locale, t } = useI18n();
  const id = ctx.detail.id;
  const participants = useQuery({ queryKey: runKeys.participants(id), queryFn: () => getParticipants(id, locale) });
  const [drawn, setDrawn] = useState<string | null>(null);
  const refresh = () => void ctx.refresh();

  return (
    <>
      {ctx.editable && (
        <section class="card" aria-labelledby="participant-new-title">
          <h2 id="participant-new-title">{t('activityRun.participant.new')}</h2>
          {drawn && (
            <p class="run-code-shown" role="status">
              <span>{t('activityRun.participant.writeCode')}</span>
              <strong class="run-code" data-testid="drawn-code">
                {drawn}
              </strong>
            </p>
          )}
          <ParticipantForm
            activityId={id}
            csrfToken={ctx.me.csrfToken}
            onSaved={(code) => {
              setDrawn(code);
              void refresh();
            }}
          />
        </section>
      )}
      <QueryView query={participants}>
        {(data) => (
          <>
            {ctx.editable && data.items.length > 0 && <RollCall ctx={ctx} participants={data.items} onSaved={refresh} />}
            <section class="card" aria-labelledby="participants-title">
              <h2 id="participants-title">{t('activityRun.participants.title', { count: data.items.length })}</h2>
              {data.items.length === 0 ? (
                <p>{t('activityRun.participants.none')}</p>
              ) : (
                <ul class="run-list">
                  {[...data.items]
                    .sort((a, b) => a.participantCode.localeCompare(b.participantCode))
                    .map((p) => (
                      <ParticipantRow key={p.participantCode} ctx={ctx} participant={p} onChanged={refresh} />
                    ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}

function ParticipantRow({ ctx, participant: p, onChanged }: { ctx: RunContext; participant: ParticipantView; onChanged(): void }) {
  const { locale, t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => runCommand('activity.remove_participant', { activityId: ctx.detail.id, participantCode: p.participantCode }, locale, ctx.me.csrfToken),
    onSuccess: onChanged,
  });
  const failure = remove.error instanceof ApiFailure ? remove.error.problem : undefined;
  return (
    <li class="run-item" data-code={p.participantCode}>
      <p class="run-code">{p.participantCode}</p>
      {p.name && <p class="run-name">{p.name}</p>}
      <p>
        {t(sexKey(p.sex))} · {t(ageBandKey(p.ageBand))} · {t(categoryKey(p.category))}
      </p>
      <p class="hint">{p.days.length === 0 ? t('activityRun.participants.noDays') : t('activityRun.participants.days', { days: [...p.days].sort((a, b) => a - b).join(', ') })}</p>
      {failure && (
        <div class="form-error" role="alert">
          {problemMessage(failure, locale)}
        </div>
      )}
      {ctx.editable &&
        (editing ? (
          <ParticipantForm
            activityId={ctx.detail.id}
            csrfToken={ctx.me.csrfToken}
            participant={p}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : confirming ? (
          <ConfirmInPlace
            question={t('activityRun.participants.removeConfirm', { code: p.participantCode })}
            yes={t('activityRun.participants.remove')}
            no={t('activityRun.cancel')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <div class="run-actions">
            <button type="button" class="button button-secondary" aria-label={t('activityRun.participants.editName', { code: p.participantCode })} onClick={() => setEditing(true)}>
              {t('activityRun.participants.edit')}
            </button>
            <button type="button" class="button button-secondary" aria-label={t('activityRun.participants.removeName', { code: p.participantCode })} onClick={() => setConfirming(true)}>
              {t('activityRun.participants.remove')}
            </button>
          </div>
        ))}
    </li>
  );
}
