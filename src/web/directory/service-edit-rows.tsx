import { useFieldArray } from 'react-hook-form';
import { WEEKDAYS } from '../../domain/directory/schedule.ts';
import { COST_KINDS } from '../../domain/directory/schemas.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { useI18n } from '../i18n/i18n.ts';
import { InputField, SelectField } from '../ui/form-fields.tsx';
import type { ServiceForm as Form } from './service-edit-values.ts';

export const dayLabel = (day: string) => `serviceEdit.day.${day}` as MessageKey;
export const costLabel = (kind: string) => `serviceEdit.cost.kind.${kind}` as MessageKey;

/** Numbers to call: the first is the one a result list offers. */
export function PhoneRows({ form }: { form: Form }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'phones' });
  const errors = form.formState.errors.phones;
  return (
    <fieldset class="service-edit-group">
      <legend>{t('serviceEdit.phones.title')}</legend>
      {fields.map((field, i) => (
        <div key={field.id} class="service-edit-row">
          <InputField
            id={`service-phone-${i}`}
            label={t('serviceEdit.phones.number', { n: i + 1 })}
            type="tel"
            inputMode="tel"
            registration={form.register(`phones.${i}.number`)}
            error={errors?.[i]?.number?.message}
          />
          <button type="button" class="button button-secondary" onClick={() => remove(i)}>
            {t('serviceEdit.phones.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary button-inline" onClick={() => append({ number: '' })}>
        {t('serviceEdit.phones.add')}
      </button>
    </fieldset>
  );
}

/** Opening hours, one row per day; a day open twice (morning and afternoon) has two rows. */
export function HoursRows({ form }: { form: Form }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'schedules' });
  const errors = form.formState.errors.schedules;
  const days = WEEKDAYS.map((d) => ({ value: d, label: t(dayLabel(d)) }));
  const next = () => {
    const rows = form.getValues('schedules');
    const last = rows[rows.length - 1];
    const day = last ? (WEEKDAYS[(WEEKDAYS.indexOf(last.day) + 1) % 7] ?? 'MO') : 'MO';
    append({ day, opensAt: last?.opensAt ?? '08:00', closesAt: last?.closesAt ?? '17:00', notes: null });
  };
  return (
    <fieldset class="service-edit-group">
      <legend>{t('serviceEdit.hours.title')}</legend>
      <p class="field-hint">{t('serviceEdit.hours.hint')}</p>
      {fields.length === 0 && <p>{t('serviceEdit.hours.none')}</p>}
      {fields.map((field, i) => (
        <div key={field.id} class="service-edit-row service-edit-hours" role="group" aria-label={t('serviceEdit.hours.row', { n: i + 1 })}>
          <SelectField id={`service-hours-${i}-day`} label={t('serviceEdit.hours.day')} registration={form.register(`schedules.${i}.day`)} error={errors?.[i]?.day?.message} choices={days} />
          <InputField id={`service-hours-${i}-opens`} label={t('serviceEdit.hours.opensAt')} type="time" registration={form.register(`schedules.${i}.opensAt`)} error={errors?.[i]?.opensAt?.message} />
          <InputField id={`service-hours-${i}-closes`} label={t('serviceEdit.hours.closesAt')} type="time" registration={form.register(`schedules.${i}.closesAt`)} error={errors?.[i]?.closesAt?.message} />
          <button type="button" class="button button-secondary" onClick={() => remove(i)}>
            {t('serviceEdit.hours.remove', { n: i + 1 })}
          </button>
        </div>
      ))}
      <button type="button" class="button button-secondary button-inline" onClick={next}>
        {t('serviceEdit.hours.add')}
      </button>
    </fieldset>
  );
}

/** What a person pays: free, a share, or a price in CFA francs. */
export function CostRows({ form }: { form: Form }) {
  const { t } = useI18n();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'costs' });
  const errors = form.formState.errors.costs;
  const costs = form.watch('costs');
  const kinds = COST_KINDS.map((k) => ({ value: k, label: t(costLabel(k)) }));
  return (
    <fieldset class="service-edit-group">
      <legend>{t('serviceEdit.cost.title')}</legend>
      {fields.map((field, i) => (
        <div key={field.id} class="service-edit-row">
          <SelectField id={`service-cost-${i}-kind`} label={t('serviceEdit.cost.kind')} registration={form.register(`costs.${i}.kind`)} error={errors?.[i]?.kind?.message} choices={kinds} />
          {costs[i]?.kind !== 'free' && (
            <InputField
              id={`service-cost-${i}-amount`}
              label={t('serviceEdit.cost.amount')}
              inputMode="numeric"
              hint={t('serviceEdit.cost.amountHint')}
              registration={form.register(`costs.${i}.amount`)}
              error={errors?.[i]?.amount?.message}
            />
          )}
          {fields.length > 1 && (
            <button type="button" class="button button-secondary" onClick={() => remove(i)}>
              {t('serviceEdit.cost.remove', { n: i + 1 })}
            </button>
          )}
        </div>
      ))}
      {fields.length < 5 && (
        <button type="button" class="button button-secondary button-inline" onClick={() => append({ kind: 'paid', amount: '', description: null })}>
          {t('serviceEdit.cost.add')}
        </button>
      )}
    </fieldset>
  );
}
