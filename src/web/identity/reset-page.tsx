import './messages.ts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import type { ApiProblem } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { TextField } from '../ui/text-field.tsx';
import { redeemPasswordReset } from './account-api.ts';
import { newPasswordFields, passwordResolver, withConfirmation } from './password-rules.ts';

interface Values {
  password: string;
  confirm: string;
}

const schema = withConfirmation(newPasswordFields);

/**
 * The token after `#` in /reset#<token>: browsers never send a fragment to a server, so it
 * reaches no access log. Taken out of the address bar at once, so that it stays neither in
 * the history of a shared phone nor on screen for someone looking over a shoulder.
 */
let taken = '';
function takeToken(): string {
  if (location.hash.length > 1) {
    taken = decodeURIComponent(location.hash.slice(1)).trim();
    history.replaceState(history.state, '', location.pathname);
  }
  // Kept for the page's lifetime: the page may be drawn again once the hash is gone.
  return taken;
}

type Outcome = 'form' | 'done' | 'invalid';

/** Public: a person who lost their password sets a new one with a link from an administrator. */
export function ResetPage() {
  const { locale, t } = useI18n();
  const [token] = useState(takeToken);
  const [outcome, setOutcome] = useState<Outcome>('form');
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const resolver = useMemo(() => passwordResolver<Values>(schema, locale), [locale]);
  const { register, handleSubmit, setError, setFocus, formState } = useForm<Values>({ resolver, defaultValues: { password: '', confirm: '' } });
  const { errors, isSubmitting } = formState;
  // The form gives way to an outcome: focus follows, so that a screen reader reads it out.
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome !== 'form') outcomeHeading.current?.focus();
  }, [outcome]);

  const submit = handleSubmit(async ({ password }) => {
    setProblem(undefined);
    const result = await redeemPasswordReset(locale, token, password);
    if (result.kind === 'ok') {
      setOutcome('done');
      return;
    }
    if (result.kind === 'error' && result.error.code === 'RESET_LINK_INVALID') {
      setOutcome('invalid');
      return;
    }
    const details = result.kind === 'error' ? (result.error.details ?? []).filter((d) => d.path === 'password') : [];
    for (const d of details) setError('password', { type: 'server', message: detailMessage(d, result.kind === 'error' ? result.locale : locale, locale) });
    if (details.length > 0) setFocus('password');
    else setProblem(result);
  });

  if (!token || outcome === 'invalid') {
    return (
      <Page id="reset-title" narrow title={t('passwordReset.title')}>
        <section class="card" aria-labelledby="reset-invalid-title">
          <h2 id="reset-invalid-title" tabIndex={-1} ref={outcomeHeading}>{token ? t('passwordReset.invalidTitle') : t('passwordReset.missingTitle')}</h2>
          <p>{token ? t('passwordReset.invalid') : t('passwordReset.missing')}</p>
          <p>
            <strong>{t('passwordReset.askAdmin')}</strong>
          </p>
          <a class="button button-secondary" href="/">
            {t('passwordReset.toLogin')}
          </a>
        </section>
      </Page>
    );
  }

  if (outcome === 'done') {
    return (
      <Page id="reset-title" narrow title={t('passwordReset.title')}>
        <section class="card" aria-labelledby="reset-done-title">
          <h2 id="reset-done-title" tabIndex={-1} ref={outcomeHeading}>{t('passwordReset.doneTitle')}</h2>
          <p>{t('passwordReset.done')}</p>
          <a class="button button-primary" href="/">
            {t('passwordReset.signIn')}
          </a>
        </section>
      </Page>
    );
  }

  const message = problem && problemMessage(problem, locale);
  return (
    <Page id="reset-title" narrow title={t('passwordReset.title')}>
      <form class="card" noValidate onSubmit={submit} aria-describedby={message ? 'reset-error' : undefined}>
        <p>{t('passwordReset.intro')}</p>
        <div id="reset-error" class={message ? 'form-error' : 'form-error is-empty'} role="alert">
          {message}
        </div>
        <TextField
          id="reset-password"
          label={t('passwordReset.password')}
          hint={t('passwordReset.passwordHint')}
          type="password"
          autoComplete="new-password"
          registration={register('password')}
          error={errors.password?.message}
        />
        <TextField id="reset-confirm" label={t('passwordReset.confirm')} type="password" autoComplete="new-password" registration={register('confirm')} error={errors.confirm?.message} />
        <button type="submit" class="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? t('passwordReset.submitting') : t('passwordReset.submit')}
        </button>
      </form>
    </Page>
  );
}
