import { useMutation } from '@tanstack/preact-query';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import { type TotpEnrolment as Enrolment, groupKey, selfCommand, svgDataUrl } from './account-api.ts';
import type { CurrentUser } from './session.ts';

interface CodeValues {
  code: string;
}

interface Props {
  me: CurrentUser;
  /** The second factor is on: the caller refreshes the signed-in user. */
  onEnabled: () => void | Promise<void>;
  /** Offered on the account page; absent where enrolment is the only way on. */
  onCancel?: () => void;
}

/**
 * Setting up the second factor: the secret comes once (`user.totp_begin`), shown as a QR code
 * and as a key to type by hand, then a code from the app proves it was copied right
 * (`user.totp_confirm`). Leaving half-way changes nothing at sign-in.
 */
export function TotpEnrolment({ me, onEnabled, onCancel }: Props) {
  const { locale, t } = useI18n();
  const [copied, setCopied] = useState(false);
  const begin = useMutation({
    mutationFn: () => selfCommand<{ pending: true }, Enrolment>('user.totp_begin', {}, locale, me.csrfToken),
  });
  const { register, handleSubmit, setError, setFocus, resetField, formState } = useForm<CodeValues>({ defaultValues: { code: '' } });
  const { errors } = formState;
  // Asked for at once: whoever sees this came here to set it up. A new secret each time is
  // harmless, since nothing changes at sign-in before a code confirms it.
  useEffect(() => begin.mutate(), []);
  const confirm = useMutation({
    mutationFn: (code: string) => selfCommand('user.totp_confirm', { code }, locale, me.csrfToken),
    onSuccess: () => onEnabled(),
    onError: (error) => {
      const problem = error instanceof ApiFailure ? error.problem : undefined;
      const detail = problem?.kind === 'error' ? problem.error.details?.find((d) => d.path === 'input.code') : undefined;
      if (problem?.kind === 'error' && detail) {
        setError('code', { type: 'server', message: detailMessage(detail, problem.locale, locale) });
        resetField('code', { keepError: true });
        setFocus('code');
      }
    },
  });
  // A wrong code is said next to the field; anything else (network, conflict) above the form.
  const failure = [begin.error, confirm.error].find((e): e is ApiFailure => e instanceof ApiFailure && !(e.problem.kind === 'error' && e.problem.error.details?.length))?.problem;

  const submit = handleSubmit(({ code }) => {
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError('code', { type: 'format', message: t('login.totp.format') });
      setFocus('code');
      return;
    }
    confirm.mutate(digits);
  });

  const enrolment = begin.data?.ephemeral;
  const steps = useRef<HTMLOListElement>(null);
  useEffect(() => {
    // The button that asked for this is gone: focus goes to the steps rather than nowhere.
    if (enrolment && (document.activeElement === document.body || document.activeElement === null)) steps.current?.focus();
  }, [enrolment]);
  const copy = async () => {
    if (!enrolment) return;
    try {
      await navigator.clipboard.writeText(enrolment.secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (plain HTTP): the key stays selectable on screen
    }
  };
  const errorBox = (
    <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
      {failure && problemMessage(failure, locale)}
    </div>
  );

  if (!enrolment) {
    return (
      <div>
        {errorBox}
        {begin.isError ? (
          <button type="button" class="button button-primary" onClick={() => begin.mutate()}>
            {t('shell.retry')}
          </button>
        ) : (
          <p role="status">{t('totp.starting')}</p>
        )}
        {onCancel && (
          <button type="button" class="button button-secondary button-after" onClick={onCancel}>
            {t('totp.cancel')}
          </button>
        )}
      </div>
    );
  }

  return (
    <form noValidate onSubmit={submit} class="totp-enrolment">
      {errorBox}
      <ol class="totp-steps" tabIndex={-1} ref={steps}>
        <li>{t('totp.step1')}</li>
        <li>
          <p>{t('totp.step2')}</p>
          <img class="totp-qr" src={svgDataUrl(enrolment.qrSvg)} alt={t('totp.qrAlt')} width={200} height={200} />
          <p>{t('totp.manual')}</p>
          <dl class="facts totp-key">
            <dt>{t('totp.key')}</dt>
            <dd>
              <code>{groupKey(enrolment.secret)}</code>
            </dd>
          </dl>
          <button type="button" class="button button-secondary" onClick={copy}>
            {t('totp.copy')}
          </button>
          <p class="saved" role="status">
            {copied ? t('totp.copied') : ''}
          </p>
          <p class="admin-warning">{t('totp.secretWarning')}</p>
        </li>
        <li>
          <TextField
            id="totp-enrol-code"
            label={t('login.totp.code')}
            hint={t('totp.step3')}
            inputMode="numeric"
            maxLength={7}
            autoComplete="one-time-code"
            registration={register('code')}
            error={errors.code?.message}
          />
        </li>
      </ol>
      <button type="submit" class="button button-primary" disabled={confirm.isPending} aria-busy={confirm.isPending}>
        {confirm.isPending ? t('totp.confirming') : t('totp.confirm')}
      </button>
      {onCancel && (
        <button type="button" class="button button-secondary button-after" onClick={onCancel}>
          {t('totp.cancel')}
        </button>
      )}
    </form>
  );
}
