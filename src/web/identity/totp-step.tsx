import { useEffect, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import type { ApiProblem } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import { type CurrentUser, signInWithCode } from './session.ts';

interface CodeValues {
  code: string;
}

/** Codes that end this sign-in attempt: the person must start again from the password. */
const START_AGAIN = new Set(['TOTP_CHALLENGE_INVALID', 'ACCOUNT_LOCKED', 'RATE_LIMITED']);

interface Props {
  challenge: string;
  onSignedIn: (user: CurrentUser) => void;
  /** Back to the password step, with the reason when there is one. */
  onStartAgain: (problem?: ApiProblem) => void;
}

/** The second step of signing in: the six digits the authenticator app shows now. */
export function TotpStep({ challenge, onSignedIn, onStartAgain }: Props) {
  const { locale, t } = useI18n();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm<CodeValues>({ defaultValues: { code: '' } });
  const { errors, isSubmitting } = formState;

  useEffect(() => setFocus('code'), [setFocus]);

  const submit = handleSubmit(async ({ code }) => {
    setProblem(undefined);
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError('code', { type: 'format', message: t('login.totp.format') });
      setFocus('code');
      return;
    }
    const result = await signInWithCode(locale, challenge, digits);
    if (result.kind === 'ok') {
      onSignedIn(result.data);
      return;
    }
    if (result.kind === 'error' && START_AGAIN.has(result.error.code)) {
      onStartAgain(result);
      return;
    }
    setProblem(result);
    resetField('code');
    setFocus('code');
  });

  const message = problem && problemMessage(problem, locale);
  return (
    <form class="card" noValidate onSubmit={submit} aria-labelledby="totp-title" aria-describedby={message ? 'totp-error' : undefined}>
      <h2 id="totp-title">{t('login.totp.title')}</h2>
      <div id="totp-error" class={message ? 'form-error' : 'form-error is-empty'} role="alert">
        {message}
      </div>
      <TextField
        id="totp-code"
        label={t('login.totp.code')}
        hint={t('login.totp.intro')}
        inputMode="numeric"
        maxLength={7}
        autoComplete="one-time-code"
        registration={register('code')}
        error={errors.code?.message}
      />
      <button type="submit" class="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? t('login.totp.submitting') : t('login.totp.submit')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={() => onStartAgain()}>
        {t('login.totp.back')}
      </button>
    </form>
  );
}
