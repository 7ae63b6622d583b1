import { useState } from 'preact/hooks';
import { useFieldArray } from 'react-hook-form';
import { EXERCISE_TYPES } from '../../domain/activities/activity.ts';
import { contentOf, localized } from '../activity-library/library-api.ts';
import { LibraryPicker } from '../activity-library/library-picker.tsx';
import { useI18n } from '../i18n/i18n.ts';
import { type Choice, InputField, SelectField, TextAreaField } from '../ui/form-fields.tsx';
import { dayDate, exerciseKey, formatDay } from './labels.ts';
import { type PlanForm, emptyGroupWork, emptySession, planDays } from './plan-values.ts';

/** "Jour 1 (1 déc. 2026)" for each day of the dates chosen; day 1 alone until dates are set. */
function useDayChoices(form: PlanForm, used: readonly string[]): Choice[] {
  const { locale, t } = useI18n();
  const [startDate, endDate] = form.watch(['startDate', 'endDate']);
  const days = planDays(startDate, endDate);
  const count = Math.max(days ?? 1, ...used.map(Number).filter((n) => Number.isInteger(n) && n > 0));
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const label = days && n <= days ? t('activities.dayWithDate', { n, date: formatDay(locale, dayDate(startDate, n)) }) : t('activities.day', { n });
    return { value: String(n), label };
  });
}

/** Sessions of the programme, day by day: time from and to, theme, who leads it. */
export function SessionRows({ form }: { form: PlanForm }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'sessions' });
  const sessions = form.watch('sessions');
  const days = useDayChoices(form, sessions.map((s) => s.day));
  const errors = form.formState.errors.sessions;
  return (
    <fieldset class="activity-group">
      <legend>{t('activities.form.sessions')}</legend>
      {errors?.message && <p class="field-error">{errors.message}</p>}
      {errors?.root?.message && <p class="field-error">{errors.root.message}</p>}
      {fields.length === 0 && <p class="hint">{t('activities.form.noSessions')}</p>}
      {fields.map((field, i) => {
        const prefix = `activity-session-${i}`;
        const e = errors?.[i];
        return (
          <div key={field.id} class="activity-row" role="group" aria-label={t('activities.form.session', { n: i + 1 })}>
            <SelectField id={`${prefix}-day`} label={t('activities.form.sessionDay')} registration={form.register(`sessions.${i}.day`)} error={e?.day?.message} choices={days} />
            <div class="activity-times">
              <InputField id={`${prefix}-start`} type="time" label={t('activities.form.startTime')} registration={form.register(`sessions.${i}.startTime`)} error={e?.startTime?.message} />
              <InputField id={`${prefix}-end`} type="time" label={t('activities.form.endTime')} registration={form.register(`sessions.${i}.endTime`)} error={e?.endTime?.message} />
            </div>
            <InputField id={`${prefix}-theme`} label={t('activities.form.sessionTheme')} registration={form.register(`sessions.${i}.theme`)} error={e?.theme?.message} />
            <InputField id={`${prefix}-facilitator`} label={t('activities.form.sessionFacilitator')} registration={form.register(`sessions.${i}.facilitator`)} error={e?.facilitator?.message} />
            <button type="button" class="button button-secondary" onClick={() => remove(i)}>
              {t('activities.form.removeSession', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="button button-secondary button-inline" onClick={() => append(emptySession(sessions.at(-1)?.day ?? '1'), { shouldFocus: true })}>
        {t('activities.form.addSession')}
      </button>
    </fieldset>
  );
}

/** Group work: typed in, or taken from the library's exercises (which fill type, instructions and materials). */
export function GroupWorkRows({ form }: { form: PlanForm }) {
  const { locale, t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'groupWork' });
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const groups = form.watch('groupWork');
  const days = [{ value: '', label: t('activities.form.anyDay') }, ...useDayChoices(form, groups.map((g) => g.day).filter(Boolean))];
  const exercises = EXERCISE_TYPES.map((e) => ({ value: e, label: t(exerciseKey(e)) }));
  const errors = form.formState.errors.groupWork;
  return (
    <fieldset class="activity-group">
      <legend>{t('activities.form.groupWork')}</legend>
      {errors?.message && <p class="field-error">{errors.message}</p>}
      {errors?.root?.message && <p class="field-error">{errors.root.message}</p>}
      {fields.length === 0 && <p class="hint">{t('activities.form.noGroupWork')}</p>}
      {fields.map((field, i) => {
        const prefix = `activity-group-${i}`;
        const e = errors?.[i];
        return (
          <div key={field.id} class="activity-row" role="group" aria-label={t('activities.form.group', { n: i + 1 })}>
            <InputField id={`${prefix}-topic`} label={t('activities.form.groupTopic')} registration={form.register(`groupWork.${i}.topic`)} error={e?.topic?.message} />
            <SelectField id={`${prefix}-type`} label={t('activities.form.exerciseType')} registration={form.register(`groupWork.${i}.exerciseType`)} error={e?.exerciseType?.message} choices={exercises} />
            <SelectField id={`${prefix}-day`} label={t('activities.form.groupDay')} registration={form.register(`groupWork.${i}.day`)} error={e?.day?.message} choices={days} />
            <TextAreaField id={`${prefix}-instructions`} label={t('activities.form.instructions')} rows={4} registration={form.register(`groupWork.${i}.instructions`)} error={e?.instructions?.message} />
            <TextAreaField
              id={`${prefix}-materials`}
              label={t('activities.form.materials')}
              hint={t('activities.form.materialsHint')}
              registration={form.register(`groupWork.${i}.materials`)}
              error={e?.materials?.message}
            />
            <button type="button" class="button button-secondary" onClick={() => remove(i)}>
              {t('activities.form.removeGroup', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <div class="activity-buttons">
        <button type="button" class="button button-secondary button-inline" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {picking ? t('activities.form.closeLibrary') : t('activities.form.exerciseFromLibrary')}
        </button>
        <button type="button" class="button button-secondary button-inline" onClick={() => append(emptyGroupWork(), { shouldFocus: true })}>
          {t('activities.form.addGroup')}
        </button>
      </div>
      {picking && (
        <LibraryPicker
          kind="exercise"
          pickedIds={picked}
          onPick={(item) => {
            const content = contentOf(item);
            if (content.kind !== 'exercise') return;
            setPicked([...picked, item.id]);
            append(
              { ...emptyGroupWork(), topic: localized(item.title, locale), exerciseType: content.exerciseType, instructions: content.instructions, materials: content.materials.join('\n') },
              { shouldFocus: false },
            );
          }}
        />
      )}
    </fieldset>
  );
}
