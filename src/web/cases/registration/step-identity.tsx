import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'preact/hooks';
import { useFieldArray, useForm } from 'react-hook-form';
import { IDENTITY_DOCUMENT_TYPES, SEXES } from '../../../domain/cases/identity.ts';
import { InputField, SelectField } from '../../ui/form-fields.tsx';
import { useI18n } from '../../i18n/i18n.ts';
import { issueMessage } from '../../validation/zod-messages.ts';
import { CASE_REGIONS, CONSENT_LANGUAGES, NATIONALITIES, countryName, documentKey, languageName, sexKey } from '../labels.ts';
import { type IdentityValues, identityFormSchema, mayBeChild } from './wizard-state.ts';

interface Props {
  values: IdentityValues;
  /** Server messages by field, after a registration was refused. */
  serverErrors: Partial<Record<string, string>>;
  onChange(values: IdentityValues): void;
  onNext(values: IdentityValues): void;
}

const COUNTRIES = ['ML', 'BF'] as const;

/** Step (a): where, and who — only what the identifier can ask quickly; most boxes may stay empty. */
export function StepIdentity({ values, serverErrors, onChange, onNext }: Props) {
  const { locale, t } = useI18n();
  const resolver = useMemo(() => zodResolver(identityFormSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const form = useForm<IdentityValues>({ resolver: resolver as never, defaultValues: values });
  const { register, handleSubmit, formState, watch, control, setError } = form;
  const { errors } = formState;
  const documents = useFieldArray({ control, name: 'documents' });

  // Every change reaches the wizard's draft, so a reload loses nothing typed.
  useEffect(() => {
    const subscription = watch((v) => onChange(v as IdentityValues));
    return () => subscription.unsubscribe();
  }, [watch, onChange]);
  useEffect(() => {
    for (const [field, message] of Object.entries(serverErrors)) if (message) setError(field as keyof IdentityValues, { type: 'server', message });
  }, [serverErrors, setError]);

  const child = mayBeChild({ dateOfBirth: watch('dateOfBirth'), estimatedAge: watch('estimatedAge'), ageUncertain: watch('ageUncertain') });
  const choose = { value: '', label: t('registration.choose') };

  return (
    <form noValidate aria-labelledby="step-title" onSubmit={handleSubmit(() => onNext(form.getValues()))}>
      <div class="field">
        <label for="reg-region">{t('registration.identity.region')}</label>
        <select id="reg-region" {...register('regionPcode')} aria-invalid={errors.regionPcode ? true : undefined} aria-describedby={errors.regionPcode ? 'reg-region-error' : undefined}>
          <option value="">{t('registration.choose')}</option>
          {COUNTRIES.map((country) => (
            <optgroup key={country} label={countryName(locale, country)}>
              {CASE_REGIONS.filter((r) => r.country === country).map((r) => (
                <option key={r.pcode} value={r.pcode}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errors.regionPcode && (
          <p id="reg-region-error" class="field-error">
            {errors.regionPcode.message}
          </p>
        )}
      </div>
      <InputField id="reg-given-name" label={t('registration.identity.givenName')} registration={register('givenName')} error={errors.givenName?.message} />
      <InputField id="reg-family-name" label={t('registration.identity.familyName')} registration={register('familyName')} error={errors.familyName?.message} />
      <InputField id="reg-aliases" label={t('registration.identity.aliases')} hint={t('registration.identity.aliasesHint')} registration={register('aliases')} error={errors.aliases?.message} />
      <SelectField id="reg-sex" label={t('registration.identity.sex')} registration={register('sex')} error={errors.sex?.message} choices={[choose, ...SEXES.map((s) => ({ value: s, label: t(sexKey(s)) }))]} />
      <InputField id="reg-dob" label={t('registration.identity.dateOfBirth')} hint={t('registration.identity.dateOfBirthHint')} inputMode="numeric" registration={register('dateOfBirth')} error={errors.dateOfBirth?.message} />
      <InputField id="reg-age" label={t('registration.identity.estimatedAge')} hint={t('registration.identity.estimatedAgeHint')} inputMode="numeric" registration={register('estimatedAge')} error={errors.estimatedAge?.message} />
      <label class="admin-check field">
        <input type="checkbox" {...register('ageUncertain')} />
        <span>{t('registration.identity.ageUncertain')}</span>
      </label>
      <SelectField
        id="reg-nationality"
        label={t('registration.identity.nationality')}
        registration={register('nationality')}
        error={errors.nationality?.message}
        choices={[{ value: '', label: t('registration.identity.nationalityUnknown') }, ...NATIONALITIES.map((c) => ({ value: c, label: countryName(locale, c) }))]}
      />
      <SelectField
        id="reg-language"
        label={t('registration.identity.preferredLanguage')}
        registration={register('preferredLanguage')}
        error={errors.preferredLanguage?.message}
        choices={[{ value: '', label: t('registration.identity.languageUnknown') }, ...CONSENT_LANGUAGES.map((c) => ({ value: c, label: languageName(c) }))]}
      />
      <InputField id="reg-phone" label={t('registration.identity.phone')} type="tel" inputMode="tel" registration={register('phone')} error={errors.phone?.message} />
      <InputField id="reg-mother" label={t('registration.identity.motherName')} registration={register('motherName')} error={errors.motherName?.message} />
      <InputField id="reg-origin" label={t('registration.identity.placeOfOrigin')} registration={register('placeOfOrigin')} error={errors.placeOfOrigin?.message} />
      <fieldset class="field registration-group">
        <legend>{t('registration.identity.documents')}</legend>
        {documents.fields.map((field, i) => (
          <div key={field.id} class="registration-row">
            <SelectField
              id={`reg-document-${i}-type`}
              label={t('registration.identity.documentType', { n: i + 1 })}
              registration={register(`documents.${i}.type`)}
              error={errors.documents?.[i]?.type?.message}
              choices={[choose, ...IDENTITY_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(documentKey(d)) }))]}
            />
            <InputField id={`reg-document-${i}-number`} label={t('registration.identity.documentNumber', { n: i + 1 })} registration={register(`documents.${i}.number`)} error={errors.documents?.[i]?.number?.message} />
            <button type="button" class="button button-secondary" onClick={() => documents.remove(i)}>
              {t('registration.identity.documentRemove', { n: i + 1 })}
            </button>
          </div>
        ))}
        {documents.fields.length < 5 && (
          <button type="button" class="button button-secondary button-inline" onClick={() => documents.append({ type: '', number: '' })}>
            {t('registration.identity.documentAdd')}
          </button>
        )}
      </fieldset>
      {child && (
        <fieldset class="field registration-group">
          <legend>{t('registration.identity.caregiver')}</legend>
          <p class="field-hint">{t('registration.identity.caregiverHint')}</p>
          <InputField id="reg-caregiver-name" label={t('registration.identity.caregiverName')} registration={register('caregiverName')} error={errors.caregiverName?.message} />
          <InputField id="reg-caregiver-phone" label={t('registration.identity.caregiverPhone')} type="tel" inputMode="tel" registration={register('caregiverPhone')} error={errors.caregiverPhone?.message} />
        </fieldset>
      )}
      <button type="submit" class="button button-primary">
        {t('registration.next')}
      </button>
    </form>
  );
}
