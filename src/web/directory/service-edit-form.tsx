import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { LANGUAGE_NAMES } from '../../domain/directory/languages.ts';
import { SERVICE_STATUSES, createServiceInput, updateServiceInput } from '../../domain/directory/schemas.ts';
import { admin1Name } from '../../domain/directory/geo.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { regionChoices } from '../admin/organisation-regions.ts';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { type ServiceDetail, type Taxonomy, serviceCommand, termsOf } from './service-edit-api.ts';
import { CheckGroup, type Choice, InputField, SelectField, TextAreaField } from '../ui/form-fields.tsx';
import { CapacityFields, LocationRows } from './service-edit-locations.tsx';
import { CostRows, HoursRows, PhoneRows } from './service-edit-rows.tsx';
import { type ServiceFormValues, type ServiceOutput, emptyValues, mergeSchedules, serverFieldPath, serviceResolver, valuesFromDetail } from './service-edit-values.ts';

export const statusLabel = (status: string) => `serviceEdit.status.${status === 'temporarily closed' ? 'temporarilyClosed' : status}` as MessageKey;

interface Props {
  me: CurrentUser;
  /** The entry to correct; without it the form adds a new one to `organisationId`. */
  service?: ServiceDetail;
  serviceId: string;
  organisationId: string;
  /** The organisation's country: the regions offered for coverage and places. */
  country: string;
  taxonomies: readonly Taxonomy[];
  onSaved(serviceId: string): void;
}

/** Boxes for what is offered, plus any stored code the list does not know, so a save never drops it. */
function withStored(choices: Choice[], stored: readonly string[], label: (code: string) => string): Choice[] {
  const known = new Set(choices.map((c) => c.value));
  return [...choices, ...stored.filter((code) => !known.has(code)).map((code) => ({ value: code, label: label(code) }))];
}

/**
 * Everything a service focal point keeps current about a service, validated by the same
 * schema the server runs. A save also records that the entry was checked today
 * (`service.verify`): the focal point has just gone through it.
 */
export function ServiceEditForm({ me, service, serviceId, organisationId, country, taxonomies, onSaved }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [invalid, setInvalid] = useState(false);
  // After a create whose verification failed, the entry exists: saving again must update it.
  const exists = useRef(Boolean(service));
  const resolver = useMemo(
    () => serviceResolver(service ? updateServiceInput : createServiceInput, locale, service ? { serviceId } : { serviceId, organisationId }),
    [locale, service, serviceId, organisationId],
  );
  const form = useForm<ServiceFormValues, unknown, ServiceOutput>({ resolver, defaultValues: service ? valuesFromDetail(service) : emptyValues() });
  const { register, formState, handleSubmit, setError } = form;
  const { errors } = formState;

  const save = useMutation({
    mutationFn: async (input: ServiceOutput) => {
      const body = { ...input, schedules: mergeSchedules(input.schedules) };
      if (exists.current) {
        const { organisationId: _ignored, ...update } = body;
        await serviceCommand('service.update', update, locale, me.csrfToken);
      } else {
        await serviceCommand('service.create', body, locale, me.csrfToken);
        exists.current = true;
      }
      await serviceCommand('service.verify', { serviceId }, locale, me.csrfToken);
      return serviceId;
    },
    onSuccess: async (id) => {
      await queries.invalidateQueries({ queryKey: ['directory'] });
      onSaved(id);
    },
    onError: (error) => {
      if (!(error instanceof ApiFailure) || error.problem.kind !== 'error') return;
      const problem = error.problem;
      for (const detail of problem.error.details ?? []) {
        const path = serverFieldPath(detail.path);
        if (path) setError(path as never, { type: 'server', message: detailMessage(detail, problem.locale, locale) });
      }
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;

  const initial = form.formState.defaultValues;
  const term = (key: string, field: 'serviceTypes' | 'targetGroups') =>
    termsOf(taxonomies, key, (initial?.[field] ?? []) as string[]).map((x) => ({ value: x.code, label: x.name[locale] }));
  const languages = withStored(
    Object.entries(LANGUAGE_NAMES).map(([code, name]) => ({ value: code, label: name })),
    (initial?.languages ?? []) as string[],
    (code) => code,
  );
  const storedCoverage = (initial?.coverage ?? []) as string[];
  const countries = [...new Set([country, ...storedCoverage.map((p) => p.slice(0, 2))])].filter(Boolean);
  const coverage = withStored(
    countries.flatMap((c) => regionChoices(c).map((r) => ({ value: r.pcode, label: r.name }))),
    storedCoverage,
    (code) => `${admin1Name(code) ?? code} (${code})`,
  );
  const statuses = SERVICE_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }));

  return (
    <form
      class="card service-edit-form"
      noValidate
      aria-labelledby="service-edit-form-title"
      onSubmit={handleSubmit(
        (input) => {
          setInvalid(false);
          save.mutate(input);
        },
        () => setInvalid(true),
      )}
    >
      <h2 id="service-edit-form-title">{t('serviceEdit.form.title')}</h2>
      <div class={failure || invalid ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure ? problemMessage(failure, locale) : invalid ? t('serviceEdit.form.invalid') : null}
      </div>
      <InputField id="service-name" label={t('serviceEdit.name')} registration={register('name')} error={errors.name?.message} />
      <TextAreaField id="service-description" label={t('serviceEdit.description')} hint={t('serviceEdit.descriptionHint')} registration={register('description')} error={errors.description?.message} />
      <SelectField id="service-status" label={t('serviceEdit.status')} registration={register('kept.status')} choices={statuses} />
      <CheckGroup id="service-types" legend={t('serviceEdit.serviceTypes')} registration={register('serviceTypes')} error={errors.serviceTypes?.message} choices={term('nrm_service_types', 'serviceTypes')} />
      <CheckGroup
        id="service-groups"
        legend={t('serviceEdit.targetGroups')}
        hint={t('serviceEdit.targetGroupsHint')}
        registration={register('targetGroups')}
        error={errors.targetGroups?.message}
        choices={term('nrm_target_groups', 'targetGroups')}
      />
      <CostRows form={form} />
      <CheckGroup id="service-languages" legend={t('serviceEdit.languages')} registration={register('languages')} error={errors.languages?.message} choices={languages} />
      <CheckGroup compact id="service-coverage" legend={t('serviceEdit.coverage')} hint={t('serviceEdit.coverageHint')} registration={register('coverage')} error={errors.coverage?.message} choices={coverage} />
      <PhoneRows form={form} />
      <InputField id="service-email" label={t('serviceEdit.email')} type="email" inputMode="email" registration={register('email')} error={errors.email?.message} />
      <HoursRows form={form} />
      <LocationRows form={form} country={country} />
      <CapacityFields form={form} updatedAt={service?.capacity?.updatedAt} />
      <p id="service-save-hint" class="field-hint">
        {t('serviceEdit.form.saveHint')}
      </p>
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending} aria-describedby="service-save-hint">
        {service ? t('serviceEdit.form.save') : t('serviceEdit.form.create')}
      </button>
    </form>
  );
}
