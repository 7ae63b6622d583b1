import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { COUNTRIES } from '../../domain/geo/admin1.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { ORGANISATION_TYPES, createOrganisationInput } from '../../domain/organisations/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { TextField } from '../ui/text-field.tsx';
import { issueMessage } from '../validation/zod-messages.ts';
import { type OrganisationDetail, command } from './admin-api.ts';
import { regionChoices } from './organisation-regions.ts';

const fields = createOrganisationInput.shape;
// An empty acronym box means "none": the command wants it absent (create) or null (update).
const formSchema = z.object({ name: fields.name, acronym: z.string().trim().max(30), type: fields.type, country: fields.country, regionPcodes: z.array(z.string()).max(40) });
interface Values {
  name: string;
  acronym: string;
  type: string;
  country: string;
  regionPcodes: string[];
}

interface Props {
  me: CurrentUser;
  /** The organisation to correct; without it the form registers a new one. */
  organisation?: OrganisationDetail;
  onDone: () => void;
}

export const typeLabel = (type: string) => `organisations.type.${type}` as MessageKey;
export const countryLabel = (country: string) => `organisations.country.${country}` as MessageKey;

/** Registers a partner organisation, or corrects one (its country stays: P-codes depend on it). */
export function OrganisationForm({ me, organisation, onDone }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState, watch } = useForm<Values>({
    resolver: resolver as never,
    defaultValues: organisation
      ? { name: organisation.name, acronym: organisation.acronym ?? '', type: organisation.type, country: organisation.country, regionPcodes: organisation.regionPcodes }
      : { name: '', acronym: '', type: '', country: '', regionPcodes: [] },
  });
  const { errors } = formState;
  const country = watch('country');
  const regions = regionChoices(country);
  const save = useMutation({
    mutationFn: (values: Values) => {
      // Boxes of a country chosen before another stay ticked in the form's memory: keep only this country's.
      const regionPcodes = [...new Set(values.regionPcodes)].filter((p) => regionChoices(values.country).some((c) => c.pcode === p));
      const acronym = values.acronym.trim();
      if (organisation) {
        return command('organisation.update', { organisationId: organisation.id, name: values.name, acronym: acronym || null, type: values.type, regionPcodes }, locale, me.csrfToken);
      }
      return command('organisation.create', { organisationId: newCommandId(), name: values.name, ...(acronym ? { acronym } : {}), type: values.type, country: values.country, regionPcodes }, locale, me.csrfToken);
    },
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['admin', 'organisations'] });
      onDone();
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const prefix = organisation ? `organisation-${organisation.id}` : 'new-organisation';
  const title = organisation ? t('organisations.editTitle', { name: organisation.name }) : t('organisations.new');

  return (
    <form class={organisation ? 'admin-section' : 'card'} noValidate aria-labelledby={`${prefix}-title`} onSubmit={handleSubmit((values) => save.mutate(values))}>
      {organisation ? <h3 id={`${prefix}-title`}>{title}</h3> : <h2 id={`${prefix}-title`}>{title}</h2>}
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <TextField id={`${prefix}-name`} label={t('organisations.name')} autoComplete="off" registration={register('name')} error={errors.name?.message} />
      <TextField id={`${prefix}-acronym`} label={t('organisations.acronym')} autoComplete="off" registration={register('acronym')} error={errors.acronym?.message} />
      <div class="field">
        <label for={`${prefix}-type`}>{t('organisations.type')}</label>
        <select id={`${prefix}-type`} {...register('type')} aria-invalid={errors.type ? true : undefined} aria-describedby={errors.type ? `${prefix}-type-error` : undefined}>
          {!organisation && <option value="">{t('organisations.choose')}</option>}
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(typeLabel(type))}
            </option>
          ))}
        </select>
        {errors.type && (
          <p id={`${prefix}-type-error`} class="field-error">
            {errors.type.message}
          </p>
        )}
      </div>
      {organisation ? (
        <p>{t('organisations.countryIs', { country: t(countryLabel(organisation.country)) })}</p>
      ) : (
        <div class="field">
          <label for={`${prefix}-country`}>{t('organisations.country')}</label>
          <select id={`${prefix}-country`} {...register('country')} aria-invalid={errors.country ? true : undefined} aria-describedby={errors.country ? `${prefix}-country-error` : undefined}>
            <option value="">{t('organisations.choose')}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(countryLabel(c))}
              </option>
            ))}
          </select>
          {errors.country && (
            <p id={`${prefix}-country-error`} class="field-error">
              {errors.country.message}
            </p>
          )}
        </div>
      )}
      <fieldset class="field admin-choices">
        <legend>{t('organisations.regions')}</legend>
        {regions.length === 0 ? (
          <p class="field-hint">{t('organisations.regionsAfterCountry')}</p>
        ) : (
          <div class="organisation-regions">
            {regions.map((region) => (
              <label key={region.pcode} class="admin-check">
                <input type="checkbox" value={region.pcode} {...register('regionPcodes')} />
                <span>{region.name}</span>
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {organisation ? t('admin.save') : t('organisations.create')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onDone}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
