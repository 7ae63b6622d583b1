import { useState } from 'preact/hooks';
import { useFieldArray } from 'react-hook-form';
import { LibraryPicker } from '../activity-library/library-picker.tsx';
import { localized, useLibrary } from '../activity-library/library-api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { InputField } from '../ui/form-fields.tsx';
import type { PlanForm } from './plan-values.ts';

/** Objectives: one box each, at least one; "Add" opens another and puts the cursor in it. */
export function ObjectiveRows({ form }: { form: PlanForm }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'objectives' });
  const errors = form.formState.errors.objectives;
  return (
    <fieldset class="activity-group">
      <legend>{t('activities.form.objectives')}</legend>
      <p class="field-hint">{t('activities.form.objectivesHint')}</p>
      {errors?.message && <p class="field-error">{errors.message}</p>}
      {fields.map((field, i) => (
        <div key={field.id} class="activity-row activity-row-inline">
          <InputField id={`activity-objective-${i}`} label={t('activities.form.objective', { n: i + 1 })} registration={form.register(`objectives.${i}.text`)} error={errors?.[i]?.text?.message} />
          {fields.length > 1 && (
            <button type="button" class="button button-secondary" onClick={() => remove(i)}>
              {t('activities.form.removeObjective', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" class="button button-secondary button-inline" onClick={() => append({ text: '' }, { shouldFocus: true })}>
        {t('activities.form.addObjective')}
      </button>
    </fieldset>
  );
}

/**
 * A theme as people read it. A shipped library theme is stored by its code (`builtinKey`), so
 * the report prints it in the report's language; anything else was typed and reads as it is.
 */
export function useThemeTitle(): (theme: string) => string {
  const { locale } = useI18n();
  const library = useLibrary('theme');
  const titles = new Map((library.data?.items ?? []).flatMap((item) => (item.builtinKey ? [[item.builtinKey, localized(item.title, locale)] as const] : [])));
  return (theme) => titles.get(theme) ?? theme;
}

/** Themes: picked from the library (kept by code when shipped with Sira) or typed for this activity only. */
export function ThemeRows({ form }: { form: PlanForm }) {
  const { locale, t } = useI18n();
  const title = useThemeTitle();
  const themes = form.watch('themes');
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'themes' });
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const errors = form.formState.errors.themes;
  return (
    <fieldset class="activity-group">
      <legend>{t('activities.form.themes')}</legend>
      {errors?.message && <p class="field-error">{errors.message}</p>}
      {fields.length === 0 && <p class="hint">{t('activities.form.noThemes')}</p>}
      {fields.map((field, i) => (
        <div key={field.id} class="activity-row activity-row-inline">
          {title(themes[i]?.text ?? '') !== (themes[i]?.text ?? '') ? (
            <p class="activity-picked">
              <span class="activity-label">{t('activities.form.theme', { n: i + 1 })}</span> {title(themes[i]?.text ?? '')}
            </p>
          ) : (
            <InputField id={`activity-theme-${i}`} label={t('activities.form.theme', { n: i + 1 })} registration={form.register(`themes.${i}.text`)} error={errors?.[i]?.text?.message} />
          )}
          <button type="button" class="button button-secondary" onClick={() => remove(i)}>
            {t('activities.form.removeTheme', { n: i + 1 })}
          </button>
        </div>
      ))}
      <div class="activity-buttons">
        <button type="button" class="button button-secondary button-inline" aria-expanded={picking} onClick={() => setPicking(!picking)}>
          {picking ? t('activities.form.closeLibrary') : t('activities.form.themesFromLibrary')}
        </button>
        <button type="button" class="button button-secondary button-inline" onClick={() => append({ text: '' }, { shouldFocus: true })}>
          {t('activities.form.addTheme')}
        </button>
      </div>
      {picking && (
        <LibraryPicker
          kind="theme"
          pickedIds={picked}
          onPick={(item) => {
            setPicked([...picked, item.id]);
            append({ text: item.builtinKey ?? localized(item.title, locale) }, { shouldFocus: false });
          }}
        />
      )}
    </fieldset>
  );
}

/** People who lead sessions: their name and what they do, printed in the report's programme. */
export function FacilitatorRows({ form }: { form: PlanForm }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'facilitators' });
  const errors = form.formState.errors.facilitators;
  return (
    <fieldset class="activity-group">
      <legend>{t('activities.form.facilitators')}</legend>
      {fields.length === 0 && <p class="hint">{t('activities.form.noFacilitators')}</p>}
      {fields.map((field, i) => (
        <div key={field.id} class="activity-row" role="group" aria-label={t('activities.form.facilitator', { n: i + 1 })}>
          <InputField id={`activity-facilitator-${i}-name`} label={t('activities.form.facilitatorName')} registration={form.register(`facilitators.${i}.name`)} error={errors?.[i]?.name?.message} />
          <InputField
            id={`activity-facilitator-${i}-role`}
            label={t('activities.form.facilitatorRole')}
            hint={t('activities.form.facilitatorRoleHint')}
            registration={form.register(`facilitators.${i}.role`)}
            error={errors?.[i]?.role?.message}
          />
          <button type="button" class="button button-secondary" onClick={() => remove(i)}>
            {t('activities.form.removeFacilitator', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary button-inline" onClick={() => append({ name: '', role: '' }, { shouldFocus: true })}>
        {t('activities.form.addFacilitator')}
      </button>
    </fieldset>
  );
}
