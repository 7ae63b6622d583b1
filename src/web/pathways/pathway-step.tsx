import { STEP_TIMINGS, type StepTiming } from '../../domain/referrals/pathways.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { Vocabulary } from '../directory/labels.ts';
import type { EditStep } from './edit-state.ts';
import { PathwayResponsible } from './pathway-responsible.tsx';
import type { OrganisationRef } from './pathways-api.ts';

interface Props {
  step: EditStep;
  index: number;
  count: number;
  vocabulary: Vocabulary;
  organisations: readonly OrganisationRef[];
  onChange(next: EditStep): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One step: its service type and timing, its place in the order, and who answers for it where. */
export function PathwayStepFields({ step, index, count, vocabulary, organisations, onChange, onMove, onRemove }: Props) {
  const { t } = useI18n();
  const number = index + 1;
  const id = `step-${step.key}`;
  // A code the taxonomy no longer offers stays selectable, so opening the editor changes nothing by itself.
  const types = vocabulary.serviceTypes.some((c) => c.code === step.serviceType) || !step.serviceType ? vocabulary.serviceTypes : [{ code: step.serviceType, label: vocabulary.term(step.serviceType), parentCode: null }, ...vocabulary.serviceTypes];

  return (
    <li class="pathway-step">
      <fieldset aria-labelledby={`${id}-legend`}>
        <legend id={`${id}-legend`}>{t('pathways.editor.step', { number })}</legend>
        <div class="field">
          <label for={`${id}-service`}>{t('pathways.editor.serviceType')}</label>
          <select id={`${id}-service`} value={step.serviceType} onChange={(e) => onChange({ ...step, serviceType: e.currentTarget.value })}>
            {types.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-timing`}>{t('pathways.editor.timing')}</label>
          <select id={`${id}-timing`} value={step.timing} onChange={(e) => onChange({ ...step, timing: e.currentTarget.value as StepTiming })}>
            {STEP_TIMINGS.map((timing) => (
              <option key={timing} value={timing}>
                {t(`referrals.timing.${timing}`)}
              </option>
            ))}
          </select>
        </div>
        <PathwayResponsible stepKey={step.key} entries={step.responsible} organisations={organisations} onChange={(responsible) => onChange({ ...step, responsible })} />
        <div class="pathway-step-actions">
          <button id={`${id}-up`} type="button" class="button button-secondary" disabled={index === 0} onClick={() => onMove(-1)}>
            <span aria-hidden="true">↑ </span>
            {t('pathways.editor.up', { number })}
          </button>
          <button id={`${id}-down`} type="button" class="button button-secondary" disabled={index === count - 1} onClick={() => onMove(1)}>
            <span aria-hidden="true">↓ </span>
            {t('pathways.editor.down', { number })}
          </button>
          <button id={`${id}-remove`} type="button" class="button button-secondary" disabled={count === 1} onClick={onRemove}>
            {t('pathways.editor.remove', { number })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
