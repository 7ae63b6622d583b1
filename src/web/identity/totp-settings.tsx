import { useMutation } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import { selfCommand } from './account-api.ts';
import { useRefreshUser } from './refresh-user.ts';
import type { CurrentUser } from './session.ts';
import { TotpEnrolment } from './totp-enrolment.tsx';

type Notice = 'enabled' | 'disabled' | undefined;

/** The account page's second-factor section: its state, setting it up, switching it off. */
export function TotpSettings({ user }: { user: CurrentUser }) {
  const { t } = useI18n();
  const refresh = useRefreshUser();
  const [enrolling, setEnrolling] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const on = user.totpEnabled === true;

  const enabled = async () => {
    setEnrolling(false);
    setNotice('enabled');
    await refresh();
  };
  const disabled = async () => {
    setNotice('disabled');
    // If a role requires the second factor, the refreshed account leads straight back to enrolment.
    await refresh();
  };

  return (
    <section class="card" aria-labelledby="account-totp-title">
      <h2 id="account-totp-title">{t('totp.title')}</h2>
      <p class="hint">{t('totp.intro')}</p>
      <p class={on ? 'totp-state is-on' : 'totp-state'}>{on ? t('totp.stateOn') : t('totp.stateOff')}</p>
      <p class="saved" role="status">
        {notice === 'enabled' ? t('totp.enabledNow') : notice === 'disabled' ? t('totp.disabledNow') : ''}
      </p>
      {on ? (
        <TotpDisable user={user} onDisabled={disabled} />
      ) : enrolling ? (
        <TotpEnrolment me={user} onEnabled={enabled} onCancel={() => setEnrolling(false)} />
      ) : (
        <button
          type="button"
          class="button button-primary"
          onClick={() => {
            setNotice(undefined);
            setEnrolling(true);
          }}
        >
          {t('totp.start')}
        </button>
      )}
    </section>
  );
}

interface CodeValues {
  code: string;
}

/** Switching it off asks for a current code, so a borrowed session cannot weaken the account. */
function TotpDisable({ user, onDisabled }: { user: CurrentUser; onDisabled: () => Promise<void> }) {
  const { locale, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm<CodeValues>({ defaultValues: { code: '' } });
  const disable = useMutation({
    mutationFn: (code: string) => selfCommand('user.totp_disable', { code }, locale, user.csrfToken),
    onSuccess: onDisabled,
    onError: (error) => {
      const problem = error instanceof ApiFailure ? error.problem : undefined;
      const detail = problem?.kind === 'error' ? problem.error.details?.find((d) => d.path === 'input.code') : undefined;
      if (problem?.kind === 'error' && detail) setError('code', { type: 'server', message: detailMessage(detail, problem.locale, locale) });
      resetField('code', { keepError: true });
      setFocus('code');
    },
  });
  const failure = disable.error instanceof ApiFailure && !(disable.error.problem.kind === 'error' && disable.error.problem.error.details?.length) ? disable.error.problem : undefined;

  if (!confirming) {
    return (
      <button type="button" class="button button-secondary" onClick={() => setConfirming(true)}>
        {t('totp.disable')}
      </button>
    );
  }
  const submit = handleSubmit(({ code }) => {
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError('code', { type: 'format', message: t('login.totp.format') });
      setFocus('code');
      return;
    }
    disable.mutate(digits);
  });
  return (
    <form noValidate onSubmit={submit} aria-labelledby="totp-disable-title">
      <h3 id="totp-disable-title">{t('totp.disable')}</h3>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <TextField
        id="totp-disable-code"
        label={t('login.totp.code')}
        hint={t('totp.disableIntro')}
        inputMode="numeric"
        maxLength={7}
        autoComplete="one-time-code"
        registration={register('code')}
        error={formState.errors.code?.message}
      />
      <button type="submit" class="button button-primary" disabled={disable.isPending} aria-busy={disable.isPending}>
        {t('totp.disableSubmit')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={() => setConfirming(false)}>
        {t('totp.cancel')}
      </button>
    </form>
  );
}
