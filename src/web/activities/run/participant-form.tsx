import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/preact-query';
import { useMemo, useRef } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { newParticipantInput } from '../../../domain/activities/schemas.ts';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { TextField } from '../../ui/text-field.tsx';
import { issueMessage } from '../../validation/zod-messages.ts';
import { AGE_BANDS, PARTICIPANT_CATEGORIES, SEXES, ageBandKey, categoryKey, sexKey } from './labels.ts';
import { type ParticipantView, runCommand } from './run-api.ts';

// The name is typed only with consent; an empty box means no name.
const formSchema = newParticipantInput.pick({ sex: true, ageBand: true, category: true, consentToBeNamed: true }).extend({ name: z.string().trim().max(120) });
interface Values {
  sex: string;
  ageBand: string;
  category: string;
  consentToBeNamed: boolean;
  name: string;
}

interface Props {
  activityId: string;
  csrfToken: string;
  /** Absent: a new participant, whose code the server draws. */
  participant?: ParticipantView;
  onSaved(code: string): void;
  onCancel?: () => void;
}

/**
 * Register a participant on the spot, or change one. Unticking consent deletes the name on the
 * server: the code alone then links the person's tests.
 */
export function ParticipantForm({ activityId, csrfToken, participant, onSaved, onCancel }: Props) {
  const { locale, t } = useI18n();
  const prefix = participant ? `participant-${participant.participantCode}` : 'participant-new';
  // One id per entry: a retry after a lost answer registers the person once.
  const commandId = useRef(newCommandId());
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState, watch, reset } = useForm<Values>({
    resolver: resolver as never,
    defaultValues: participant
      ? { sex: participant.sex, ageBand: participant.ageBand, category: participant.category, consentToBeNamed: participant.consentToBeNamed, name: participant.name ?? '' }
      : { sex: '', ageBand: '', category: '', consentToBeNamed: false, name: '' },
  });
  const { errors } = formState;
  const consent = watch('consentToBeNamed');
  const save = useMutation({
    mutationFn: (values: Values) => {
      const person = { sex: values.sex, ageBand: values.ageBand, category: values.category, consentToBeNamed: values.consentToBeNamed, ...(values.consentToBeNamed && values.name.trim() ? { name: values.name.trim() } : {}) };
      return participant
        ? runCommand<{ participantCode: string }>('activity.save_participant', { activityId, participant: { ...person, participantCode: participant.participantCode, days: participant.days } }, locale, csrfToken, commandId.current)
        : runCommand<{ participantCode: string }>('activity.add_participant', { activityId, ...person }, locale, csrfToken, commandId.current);
    },
    onSuccess: (result) => {
      commandId.current = newCommandId();
      if (!participant) reset();
      onSaved(result.participantCode);
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const select = (name: 'sex' | 'ageBand' | 'category', label: string, codes: readonly string[], key: (c: string) => Parameters<typeof t>[0]) => {
    const id = `${prefix}-${name}`;
    const error = errors[name]?.message;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <select id={id} {...register(name)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
          <option value="">{t('activityRun.choose')}</option>
          {codes.map((c) => (
            <option key={c} value={c}>
              {t(key(c))}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} class="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form class="run-participant-form" noValidate aria-label={participant ? t('activityRun.participant.editName', { code: participant.participantCode }) : t('activityRun.participant.new')} onSubmit={handleSubmit((values) => save.mutate(values))}>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      {select('sex', t('activityRun.participant.sex'), SEXES, sexKey)}
      {select('ageBand', t('activityRun.participant.ageBand'), AGE_BANDS, ageBandKey)}
      {select('category', t('activityRun.participant.category'), PARTICIPANT_CATEGORIES, categoryKey)}
      <label class="run-check">
        <input type="checkbox" {...register('consentToBeNamed')} />
        <span>{t('activityRun.participant.consent')}</span>
      </label>
      {consent ? (
        <TextField id={`${prefix}-name`} label={t('activityRun.participant.name')} autoComplete="off" maxLength={120} registration={register('name')} error={errors.name?.message} />
      ) : (
        participant?.name && <p class="hint">{t('activityRun.participant.nameWillGo')}</p>
      )}
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {participant ? t('activityRun.participant.save') : t('activityRun.participant.register')}
      </button>
      {onCancel && (
        <button type="button" class="button button-secondary button-after" onClick={onCancel}>
          {t('activityRun.cancel')}
        </button>
      )}
    </form>
  );
}
