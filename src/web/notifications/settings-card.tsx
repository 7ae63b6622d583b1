import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { staffPhoneSchema } from '../../domain/notifications/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { selfCommand } from '../identity/account-api.ts';
import { TextField } from '../ui/text-field.tsx';
import { issueMessage } from '../validation/zod-messages.ts';
import { NOTIFICATIONS_KEY, fetchNotificationSettings } from './notifications-api.ts';

interface Values {
  email: boolean;
  smsPhone: string;
}

/** An empty phone field means "no SMS". */
const formSchema = z.object({ email: z.boolean(), smsPhone: z.union([z.literal(''), staffPhoneSchema]) });
const SETTINGS_KEY = [...NOTIFICATIONS_KEY, 'settings'] as const;

/**
 * Email on or off, and a work phone for SMS. Kept even while the server cannot send them
 * (the form says so): they apply as soon as an administrator sets email or SMS up.
 */
export function NotificationSettingsCard({ csrfToken }: { csrfToken: string }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => fetchNotificationSettings(locale) });
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, reset, setError, setFocus, formState } = useForm<Values>({ resolver: resolver as never, defaultValues: { email: true, smsPhone: '' } });
  const { errors } = formState;
  useEffect(() => {
    if (settings.data) reset({ email: settings.data.email, smsPhone: settings.data.smsPhone ?? '' });
  }, [settings.data, reset]);
  const save = useMutation({
    mutationFn: (values: Values) => selfCommand('notification.settings.update', { email: values.email, smsPhone: values.smsPhone.trim() || null }, locale, csrfToken),
    onSuccess: () => queries.invalidateQueries({ queryKey: SETTINGS_KEY }),
    onError: (error) => {
      const problem = error instanceof ApiFailure ? error.problem : undefined;
      const phone = problem?.kind === 'error' ? problem.error.details?.find((d) => d.path === 'input.smsPhone') : undefined;
      if (problem?.kind === 'error' && phone) {
        setError('smsPhone', { type: 'server', message: detailMessage(phone, problem.locale, locale) });
        setFocus('smsPhone');
      }
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const available = settings.data;

  return (
    <form class="card" noValidate aria-labelledby="notification-settings-title" onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h2 id="notification-settings-title">{t('notifications.settings.title')}</h2>
      <p>{t('notifications.settings.intro')}</p>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <div class="field">
        <label class="admin-check">
          <input type="checkbox" {...register('email')} aria-describedby={available && !available.emailAvailable ? 'notification-email-hint' : undefined} />
          <span>{t('notifications.settings.email')}</span>
        </label>
        {available && !available.emailAvailable && (
          <p id="notification-email-hint" class="field-hint">
            {t('notifications.settings.emailUnavailable')}
          </p>
        )}
      </div>
      <TextField
        id="notification-sms-phone"
        label={t('notifications.settings.smsPhone')}
        hint={`${t('notifications.settings.smsHint')}${available && !available.smsAvailable ? ` ${t('notifications.settings.smsUnavailable')}` : ''}`}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={24}
        registration={register('smsPhone')}
        error={errors.smsPhone?.message}
      />
      <p class="saved" role="status">
        {save.isSuccess && !save.isPending ? t('notifications.settings.saved') : ''}
      </p>
      <button type="submit" class="button button-primary" disabled={save.isPending || !available} aria-busy={save.isPending}>
        {save.isPending ? t('notifications.settings.saving') : t('notifications.settings.save')}
      </button>
    </form>
  );
}
