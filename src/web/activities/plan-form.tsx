import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useLocation } from 'preact-iso/router';
import { useMemo, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { ACTIVITY_TYPES, AUDIENCES } from '../../domain/activities/activity.ts';
import { createActivityInput, updateActivityInput } from '../../domain/activities/schemas.ts';
import type { OrganisationView } from '../../domain/organisations/schemas.ts';
import { contentOf, localized, useLibrary } from '../activity-library/library-api.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { RegionOptions } from '../directory/region-options.tsx';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type ActivityDetail, type ActivityVersion, activityCommand, activityKeys, activityPaths } from './activities-api.ts';
import { type Choice, CheckGroup, InputField, SelectField } from '../ui/form-fields.tsx';
import { audienceKey, typeKey } from './labels.ts';
import { FacilitatorRows, ObjectiveRows, ThemeRows } from './plan-lists.tsx';
import { GroupWorkRows, SessionRows } from './plan-programme.tsx';
import { type PlanOutput, type PlanValues, emptyValues, fieldPath, planResolver, valuesFromDetail } from './plan-values.ts';

interface Props {
  me: CurrentUser;
  /** The activity to change; without it the form plans a new one. */
  activity?: ActivityDetail | undefined;
  /** A past activity whose programme the new one starts from ("Reprendre une activité passée"). */
  from?: ActivityDetail | undefined;
}

export const organisationsKey = ['activities', 'organisations'] as const;

/** Every partner organisation, to name co-organisers (and show them on an activity's page). */
export function useOrganisations() {
  const { locale } = useI18n();
  return useQuery({ queryKey: organisationsKey, queryFn: () => apiGet<{ items: OrganisationView[] }>('/api/organisations', locale), staleTime: 5 * 60_000 });
}

/** The library's questionnaires of one role, plus the one already chosen if the library no longer lists it. */
function useQuestionnaires(role: 'knowledge_test' | 'satisfaction', chosen: string): Choice[] {
  const { locale, t } = useI18n();
  const library = useLibrary('questionnaire');
  const items = (library.data?.items ?? []).flatMap((item) => {
    const content = contentOf(item);
    return content.kind === 'questionnaire' && content.role === role ? [{ value: content.formKey, label: localized(item.title, locale) }] : [];
  });
  const kept = chosen && !items.some((c) => c.value === chosen) ? [{ value: chosen, label: chosen }] : [];
  return [{ value: '', label: t('activities.form.noQuestionnaire') }, ...items, ...kept];
}

/**
 * Plans an activity, or changes its plan, validated by the command's own schema. The
 * command's id is drawn once per form, so sending again after a lost answer plans it once;
 * a new id is drawn only after the server refused (nothing was applied then).
 */
export function PlanForm({ me, activity, from }: Props) {
  const { locale, t } = useI18n();
  const location = useLocation();
  const queries = useQueryClient();
  const [commandId, setCommandId] = useState(newCommandId);
  const [invalid, setInvalid] = useState(false);
  const runningOrganisationId = activity?.organisationId ?? me.organisation.id;
  const resolver = useMemo(
    () =>
      activity
        ? planResolver(updateActivityInput, locale, runningOrganisationId, { activityId: activity.id, expectedVersion: activity.version })
        : planResolver(createActivityInput, locale, runningOrganisationId, { basedOnActivityId: from?.id ?? null }),
    [locale, activity, from, runningOrganisationId],
  );
  const defaults = useMemo(() => (activity ? valuesFromDetail(activity) : from ? valuesFromDetail(from, true) : emptyValues()), [activity, from]);
  const form = useForm<PlanValues, unknown, PlanOutput>({ resolver, defaultValues: defaults });
  const { register, formState, handleSubmit, setError, watch } = form;
  const { errors } = formState;
  const organisations = useOrganisations();
  const [knowledgeKey, satisfactionKey] = watch(['knowledgeTestFormKey', 'satisfactionFormKey']);
  const knowledgeTests = useQuestionnaires('knowledge_test', knowledgeKey);
  const surveys = useQuestionnaires('satisfaction', satisfactionKey);

  const save = useMutation({
    mutationFn: (input: PlanOutput) => activityCommand<ActivityVersion>(activity ? 'activity.update' : 'activity.create', input, locale, me.csrfToken, commandId),
    onSuccess: async (result) => {
      await queries.invalidateQueries({ queryKey: activityKeys.all });
      location.route(activityPaths.detail(result.activityId));
    },
    onError: (error) => {
      if (!(error instanceof ApiFailure) || error.problem.kind !== 'error') return;
      const problem = error.problem;
      setCommandId(newCommandId());
      for (const detail of problem.error.details ?? []) {
        if (!detail.path.startsWith('input.')) continue;
        const path = fieldPath(detail.path.slice('input.'.length).split('.'), form.getValues());
        setError(path as never, { type: 'server', message: detailMessage(detail, problem.locale, locale) });
      }
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : save.error ? ({ kind: 'network' } as const) : undefined;

  const types = [{ value: '', label: t('activities.form.choose') }, ...ACTIVITY_TYPES.map((type) => ({ value: type, label: t(typeKey(type)) }))];
  const audiences = AUDIENCES.map((a) => ({ value: a, label: t(audienceKey(a)) }));
  const partners = (organisations.data?.items ?? []).filter((o) => o.id !== runningOrganisationId && (o.active || defaults.coOrganiserIds.includes(o.id)));
  const modes = [
    { value: 'named', label: t('activities.mode.named') },
    { value: 'anonymous', label: t('activities.mode.anonymous') },
  ];

  return (
    <form
      class="card activity-form"
      noValidate
      aria-labelledby="activity-form-title"
      onSubmit={handleSubmit(
        (input) => {
          setInvalid(false);
          save.mutate(input);
        },
        () => setInvalid(true),
      )}
    >
      <h2 id="activity-form-title">{activity ? t('activities.form.editTitle') : t('activities.form.newTitle')}</h2>
      {from && <p class="hint">{t('activities.form.fromHint', { title: from.activity.title })}</p>}
      <div class={failure || invalid ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure ? problemMessage(failure, locale) : invalid ? t('activities.form.invalid') : null}
      </div>
      <SelectField id="activity-type" label={t('activities.form.type')} registration={register('type')} error={errors.type?.message} choices={types} />
      <InputField id="activity-title" label={t('activities.form.title')} maxLength={200} registration={register('title')} error={errors.title?.message} />
      <ObjectiveRows form={form} />
      <ThemeRows form={form} />
      <CheckGroup id="activity-audiences" legend={t('activities.form.audiences')} registration={register('audiences')} error={errors.audiences?.message} choices={audiences} />

      <fieldset class="activity-group">
        <legend>{t('activities.form.whereWhen')}</legend>
        <div class="field">
          <label for="activity-region">{t('activities.form.region')}</label>
          <select id="activity-region" {...register('region')} aria-invalid={errors.region ? true : undefined} aria-describedby={errors.region ? 'activity-region-error' : undefined}>
            <option value="">{t('activities.form.choose')}</option>
            <RegionOptions countryLabel={(country) => t(country === 'ML' ? 'activities.form.countryML' : 'activities.form.countryBF')} />
          </select>
          {errors.region && (
            <p id="activity-region-error" class="field-error">
              {errors.region.message}
            </p>
          )}
        </div>
        <InputField id="activity-area" label={t('activities.form.area')} hint={t('activities.form.areaHint')} maxLength={6} registration={register('area')} error={errors.area?.message} />
        <InputField id="activity-venue" label={t('activities.form.venue')} hint={t('activities.form.venueHint')} maxLength={200} registration={register('venue')} error={errors.venue?.message} />
        <div class="activity-times">
          <InputField id="activity-start" type="date" label={t('activities.form.startDate')} registration={register('startDate')} error={errors.startDate?.message} />
          <InputField id="activity-end" type="date" label={t('activities.form.endDate')} registration={register('endDate')} error={errors.endDate?.message} />
        </div>
      </fieldset>

      <fieldset class="activity-group">
        <legend>{t('activities.form.organisers')}</legend>
        <p>{t('activities.form.runningOrganisation', { name: organisations.data?.items.find((o) => o.id === runningOrganisationId)?.name ?? me.organisation.name })}</p>
        {partners.length > 0 && (
          <CheckGroup
            id="activity-organisers"
            legend={t('activities.form.coOrganisers')}
            hint={t('activities.form.coOrganisersHint')}
            registration={register('coOrganiserIds')}
            error={errors.coOrganiserIds?.message}
            choices={partners.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))}
          />
        )}
      </fieldset>
      <FacilitatorRows form={form} />
      <SessionRows form={form} />
      <GroupWorkRows form={form} />

      <fieldset class="activity-group">
        <legend>{t('activities.form.participation')}</legend>
        <CheckGroup radio id="activity-mode" legend={t('activities.form.attendanceMode')} hint={t('activities.form.attendanceModeHint')} registration={register('attendanceMode')} error={errors.attendanceMode?.message} choices={modes} />
        <SelectField id="activity-knowledge" label={t('activities.form.knowledgeTest')} hint={t('activities.form.knowledgeTestHint')} registration={register('knowledgeTestFormKey')} choices={knowledgeTests} />
        <SelectField id="activity-satisfaction" label={t('activities.form.satisfaction')} registration={register('satisfactionFormKey')} choices={surveys} />
      </fieldset>

      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {activity ? t('activities.form.save') : t('activities.form.create')}
      </button>
      <a class="button button-secondary button-after" href={activity ? activityPaths.detail(activity.id) : activityPaths.list}>
        {t('activities.form.cancel')}
      </a>
    </form>
  );
}
