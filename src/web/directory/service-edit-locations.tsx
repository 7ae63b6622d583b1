import { useFieldArray } from 'react-hook-form';
import { COUNTRIES } from '../../domain/geo/admin1.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { regionChoices } from '../admin/organisation-regions.ts';
import { newCommandId } from '../api/uuid.ts';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { InputField, SelectField } from '../ui/form-fields.tsx';
import { type ServiceForm, emptyLocation } from './service-edit-values.ts';

const countryLabel = (country: string) => `organisations.country.${country}` as MessageKey;

/**
 * The places where the service is given. A safe house is marked confidential: its street
 * address then goes only to the organisation's focal points and the coordinators, never to
 * other members or the public directory.
 */
export function LocationRows({ form, country }: { form: ServiceForm; country: string }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'locations' });
  const errors = form.formState.errors.locations;
  const locations = form.watch('locations');
  const countries = [{ value: '', label: t('serviceEdit.choose') }, ...COUNTRIES.map((c) => ({ value: c, label: t(countryLabel(c)) }))];
  return (
    <fieldset class="service-edit-group">
      <legend>{t('serviceEdit.locations.title')}</legend>
      {fields.length === 0 && <p>{t('serviceEdit.locations.none')}</p>}
      {fields.map((field, i) => {
        const regions = regionChoices(locations[i]?.address.country ?? '');
        const prefix = `service-location-${i}`;
        const e = errors?.[i];
        return (
          <div key={field.id} class="service-edit-row service-edit-location" role="group" aria-label={t('serviceEdit.locations.row', { n: i + 1 })}>
            <InputField id={`${prefix}-name`} label={t('serviceEdit.locations.name')} registration={form.register(`locations.${i}.name`)} error={e?.name?.message} />
            <InputField id={`${prefix}-address1`} label={t('serviceEdit.locations.address1')} registration={form.register(`locations.${i}.address.address1`)} error={e?.address?.address1?.message} />
            <InputField id={`${prefix}-city`} label={t('serviceEdit.locations.city')} registration={form.register(`locations.${i}.address.city`)} error={e?.address?.city?.message} />
            <SelectField id={`${prefix}-country`} label={t('serviceEdit.locations.country')} registration={form.register(`locations.${i}.address.country`)} error={e?.address?.country?.message} choices={countries} />
            <SelectField
              id={`${prefix}-region`}
              label={t('serviceEdit.locations.region')}
              registration={form.register(`locations.${i}.admin1Pcode`)}
              error={e?.admin1Pcode?.message}
              choices={[{ value: '', label: t('serviceEdit.choose') }, ...regions.map((r) => ({ value: r.pcode, label: r.name }))]}
            />
            <div class="field">
              <label class="admin-check">
                <input type="checkbox" {...form.register(`locations.${i}.confidential`)} aria-describedby={`${prefix}-confidential-hint`} />
                <span>{t('serviceEdit.locations.confidential')}</span>
              </label>
              <p id={`${prefix}-confidential-hint`} class="field-hint">
                {t('serviceEdit.locations.confidentialHint')}
              </p>
            </div>
            <button type="button" class="button button-secondary" onClick={() => remove(i)}>
              {t('serviceEdit.locations.remove', { n: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="button button-secondary button-inline" onClick={() => append(emptyLocation(newCommandId(), country))}>
        {t('serviceEdit.locations.add')}
      </button>
    </fieldset>
  );
}

/** Places free now (a shelter's beds); the server dates the figures when they change. */
export function CapacityFields({ form, updatedAt }: { form: ServiceForm; updatedAt: string | undefined }) {
  const { locale, t } = useI18n();
  const errors = form.formState.errors.capacity;
  const units = (['place', 'bed'] as const).map((u) => ({ value: u, label: t(u === 'bed' ? 'serviceEdit.capacity.unit.bed' : 'serviceEdit.capacity.unit.place') }));
  return (
    <fieldset class="service-edit-group">
      <legend>{t('serviceEdit.capacity.title')}</legend>
      <p class="field-hint">{updatedAt ? t('serviceEdit.capacity.updatedAt', { date: formatDate(locale, updatedAt) }) : t('serviceEdit.capacity.hint')}</p>
      <SelectField id="service-capacity-unit" label={t('serviceEdit.capacity.unit')} registration={form.register('capacity.unit')} error={errors?.unit?.message} choices={units} />
      <InputField id="service-capacity-available" label={t('serviceEdit.capacity.available')} inputMode="numeric" registration={form.register('capacity.available')} error={errors?.available?.message} />
      <InputField id="service-capacity-maximum" label={t('serviceEdit.capacity.maximum')} inputMode="numeric" registration={form.register('capacity.maximum')} error={errors?.maximum?.message} />
    </fieldset>
  );
}
