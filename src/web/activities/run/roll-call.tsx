import { useMutation } from '@tanstack/preact-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { DaySelect } from './day-select.tsx';
import { todayInActivity } from './run-values.ts';
import type { RunContext } from './run-frame.tsx';
import { type ParticipantView, runCommand } from './run-api.ts';

/**
 * The roll call of one day: a big box per participant, ticked for those present; saving says
 * "exactly these were here that day", so unticking someone marks them absent.
 */
export function RollCall({ ctx, participants, onSaved }: { ctx: RunContext; participants: readonly ParticipantView[]; onSaved(): void }) {
  const { locale, t } = useI18n();
  const [day, setDay] = useState(() => todayInActivity(ctx.plan));
  const present = (d: number) => new Set(participants.filter((p) => p.days.includes(d)).map((p) => p.participantCode));
  const [ticked, setTicked] = useState(() => present(day));
  const [saved, setSaved] = useState<number | null>(null);
  const commandId = useRef(newCommandId());
  // A latecomer registered mid-call must not undo the boxes ticked so far: when the server's
  // list changes, only the people whose presence that day changed there (an import) follow it.
  const known = useRef({ day, present: present(day) });
  const stored = participants.map((p) => `${p.participantCode}:${p.days.join('.')}`).join('|');
  useEffect(() => {
    const now = present(day);
    const before = known.current;
    known.current = { day, present: now };
    if (before.day !== day) {
      setTicked(now);
      return;
    }
    setTicked((current) => {
      const next = new Set([...current].filter((code) => participants.some((p) => p.participantCode === code)));
      for (const p of participants) {
        const code = p.participantCode;
        if (before.present.has(code) !== now.has(code)) {
          if (now.has(code)) next.add(code);
          else next.delete(code);
        }
      }
      return next;
    });
  }, [day, stored]);

  const save = useMutation({
    mutationFn: () => runCommand<{ present: number }>('activity.mark_attendance', { activityId: ctx.detail.id, day, presentCodes: [...ticked] }, locale, ctx.me.csrfToken, commandId.current),
    onSuccess: (result) => {
      commandId.current = newCommandId();
      setSaved(result.present);
      onSaved();
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const toggle = (code: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(code);
    else next.delete(code);
    setTicked(next);
    setSaved(null);
    commandId.current = newCommandId();
  };

  return (
    <section class="card" aria-labelledby="roll-call-title">
      <h2 id="roll-call-title">{t('activityRun.rollCall.title')}</h2>
      <DaySelect
        id="roll-call-day"
        plan={ctx.plan}
        day={day}
        onChange={(d) => {
          setDay(d);
          setSaved(null);
        }}
      />
      <fieldset class="run-roll">
        <legend>{t('activityRun.rollCall.legend', { day })}</legend>
        {[...participants]
          .sort((a, b) => a.participantCode.localeCompare(b.participantCode))
          .map((p) => (
            <label key={p.participantCode} class="run-roll-item">
              <input type="checkbox" checked={ticked.has(p.participantCode)} onChange={(e) => toggle(p.participantCode, e.currentTarget.checked)} />
              <span>
                <span class="run-code">{p.participantCode}</span>
                {p.name && <span class="run-name"> {p.name}</span>}
              </span>
            </label>
          ))}
      </fieldset>
      <p class="hint">{t('activityRun.rollCall.count', { count: ticked.size })}</p>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <p class={saved === null ? 'run-saved is-empty' : 'run-saved'} role="status">
        {saved !== null && t('activityRun.rollCall.saved', { day, count: saved })}
      </p>
      <button type="button" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending} onClick={() => save.mutate()}>
        {t('activityRun.rollCall.save', { day })}
      </button>
    </section>
  );
}
