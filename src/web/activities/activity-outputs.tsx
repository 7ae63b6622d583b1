import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import type { ActivityState } from '../../domain/activities/lifecycle.ts';
import { ApiFailure } from '../api/client.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { ProblemBox } from '../referrals/problem-box.tsx';
import { type ActivityDetail, type ActivityVersion, activityCommand, activityKeys } from './activities-api.ts';
import { dayDate, exerciseKey, formatDay } from './labels.ts';
import { withOutputs } from './plan-values.ts';

/** Outputs are typed in once the groups have worked, until the report closes the activity. */
const OUTPUT_STATES: readonly ActivityState[] = ['planned', 'confirmed', 'held'];

/**
 * The group work of the programme, with what each group produced. The outputs are saved with
 * the whole plan (`activity.update`), which is why the version the page read goes along.
 */
export function GroupWorkSection({ detail, me }: { detail: ActivityDetail; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const groups = detail.activity.programme.groupWork;
  const editable = detail.canManage && OUTPUT_STATES.includes(detail.state);
  const [outputs, setOutputs] = useState(() => groups.map((g) => g.output));
  const [commandId, setCommandId] = useState(newCommandId);
  const [saved, setSaved] = useState(false);
  const queries = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      activityCommand<ActivityVersion>(
        'activity.update',
        {
          activityId: detail.id,
          expectedVersion: detail.version,
          activity: withOutputs(detail.activity, outputs),
          attendanceMode: detail.attendanceMode,
          knowledgeTestFormKey: detail.knowledgeTestFormKey,
          satisfactionFormKey: detail.satisfactionFormKey,
        },
        locale,
        me.csrfToken,
        commandId,
      ),
    onSuccess: async () => {
      setCommandId(newCommandId());
      // The next save sends the version this refetch brings: say "saved" only once it is here.
      await queries.invalidateQueries({ queryKey: activityKeys.all });
      setSaved(true);
    },
    onError: (error) => {
      if (error instanceof ApiFailure && error.problem.kind === 'error') setCommandId(newCommandId());
    },
  });
  if (groups.length === 0) return null;
  return (
    <section class="card" aria-labelledby="activity-groups-title">
      <h2 id="activity-groups-title">{t('activities.detail.groupWork')}</h2>
      {editable && <p class="hint">{t('activities.detail.outputsHint')}</p>}
      <form
        noValidate
        aria-labelledby="activity-groups-title"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <ol class="activity-list">
          {groups.map((g, i) => (
            <li key={i}>
              <h3>{g.topic}</h3>
              <p class="hint">
                {t(exerciseKey(g.exerciseType))}
                {g.day !== undefined && ` · ${t('activities.dayWithDate', { n: g.day, date: formatDay(locale, dayDate(detail.activity.startDate, g.day)) })}`}
              </p>
              {g.instructions && <p class="activity-text">{g.instructions}</p>}
              {g.materials.length > 0 && <p>{t('activities.detail.materials', { materials: g.materials.join(', ') })}</p>}
              {editable ? (
                <div class="field">
                  <label for={`activity-output-${i}`}>{t('activities.detail.output', { topic: g.topic })}</label>
                  <textarea
                    id={`activity-output-${i}`}
                    rows={4}
                    maxLength={8000}
                    value={outputs[i] ?? ''}
                    onInput={(e) => {
                      const next = [...outputs];
                      next[i] = e.currentTarget.value;
                      setOutputs(next);
                      setSaved(false);
                    }}
                  />
                </div>
              ) : (
                g.output && (
                  <>
                    <p class="activity-label">{t('activities.detail.outputLabel')}</p>
                    <blockquote class="activity-quote">{g.output}</blockquote>
                  </>
                )
              )}
            </li>
          ))}
        </ol>
        {editable && (
          <>
            <ProblemBox error={save.error} />
            <p role="status" class={saved ? 'activity-saved' : 'activity-saved is-empty'}>
              {saved ? t('activities.detail.outputsSaved') : ''}
            </p>
            <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
              {t('activities.detail.saveOutputs')}
            </button>
          </>
        )}
      </form>
    </section>
  );
}
