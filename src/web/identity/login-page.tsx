import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type FieldErrors, type Resolver, useForm } from 'react-hook-form';
import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import type { ApiProblem } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Page } from '../shell/page.tsx';
import { FEATURE_ROUTES, loadSignedInArea, preload } from '../shell/routes.ts';
import { Icon } from '../ui/icons.tsx';
import { TextField } from '../ui/text-field.tsx';
import { LOGIN_INTERACTIVE_MARK } from './marks.ts';
import { isTotpChallenge, signIn } from './session.ts';
import { useSession } from './session-store.tsx';
import { TotpStep } from './totp-step.tsx';

interface LoginValues {
  email: string;
  password: string;
}

const loadValidation = () => import('./login-validation.ts');

/** If the validation code cannot be fetched (connection lost), the server still checks everything. */
function requiredOnly(values: LoginValues, locale: Locale) {
  const errors: FieldErrors<LoginValues> = {};
  if (!values.email.trim()) errors.email = { type: 'required', message: translate(locale, 'validation.required') };
  if (!values.password) errors.password = { type: 'required', message: translate(locale, 'validation.required') };
  return { values: Object.keys(errors).length ? {} : values, errors };
}

export function LoginPage() {
  const session = useSession();
  const { locale, t } = useI18n();
  // Why the person is here (session expired, server error at start), until they try again.
  const notice = session.state.status === 'anonymous' ? session.state.notice : undefined;
  const [problem, setProblem] = useState<ApiProblem | undefined>(notice);
  useEffect(() => {
    if (notice) setProblem(notice);
  }, [notice]);
  const resolver = useMemo<Resolver<LoginValues>>(
    () => async (values, context, options) => {
      try {
        return await (await loadValidation()).loginResolver(locale)(values, context, options);
      } catch {
        return requiredOnly(values, locale);
      }
    },
    [locale],
  );
  // Set when the password was right and the account asks for a code from its authenticator app.
  const [challenge, setChallenge] = useState<string | undefined>();
  const { register, handleSubmit, setError, setFocus, resetField, clearErrors, formState } = useForm<LoginValues>({
    resolver,
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  useEffect(() => {
    performance.mark(LOGIN_INTERACTIVE_MARK);
    // Fetched once the form is usable, so that they are there by the time the person has
    // typed: the form's checks, then what follows signing in (the signed-in area, home).
    void loadValidation()
      .then(() => Promise.all([loadSignedInArea(), FEATURE_ROUTES[0]?.component && preload(FEATURE_ROUTES[0].component)]))
      .catch(() => undefined);
  }, []);

  // Field messages were written in the previous language: better none than a foreign one.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current !== locale) clearErrors();
    shownLocale.current = locale;
  }, [locale, clearErrors]);

  const submit = handleSubmit(async ({ email, password }) => {
    // Emptied first so that the same message, shown again, is announced again.
    setProblem(undefined);
    const result = await signIn(locale, email, password);
    if (result.kind === 'ok') {
      if (isTotpChallenge(result.data)) setChallenge(result.data.challenge);
      else session.signedIn(result.data);
      return;
    }
    setProblem(result);
    if (result.kind === 'network') return;
    const details = (result.error.details ?? []).filter((d) => d.path === 'email' || d.path === 'password');
    for (const d of details) setError(d.path as keyof LoginValues, { type: 'server', message: d.message });
    if (details.some((d) => d.path === 'email')) {
      setFocus('email');
    } else {
      // Wrong credentials: keep the address, let the person type the password again.
      resetField('password');
      setFocus('password');
    }
  });

  const returning = useRef(false);
  const startAgain = (reason?: ApiProblem) => {
    returning.current = true;
    setChallenge(undefined);
    setProblem(reason);
    resetField('password');
  };
  useEffect(() => {
    // Back on the password step (the form is shown again): the password is what comes next.
    if (!challenge && returning.current) {
      returning.current = false;
      setFocus('password');
    }
  }, [challenge, setFocus]);

  const message = problem && problemMessage(problem, locale);
  return (
    <Page id="login-title" narrow title={t('login.title')}>
      {challenge ? (
        <TotpStep challenge={challenge} onSignedIn={session.signedIn} onStartAgain={startAgain} />
      ) : (
        <form class="card" noValidate onSubmit={submit} aria-describedby={message ? 'login-error' : undefined}>
          {/* Always present, so that assistive technology is listening before a message arrives. */}
          <div id="login-error" class={message ? 'form-error' : 'form-error is-empty'} role="alert">
            {message}
          </div>
          <TextField
            id="email"
            label={t('login.email')}
            type="email"
            inputMode="email"
            autoComplete="username"
            registration={register('email')}
            error={errors.email?.message}
          />
          <TextField
            id="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            registration={register('password')}
            error={errors.password?.message}
          />
          <button type="submit" class="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      )}
      <p class="page-link">
        <a href="/help">
          <Icon name="help" />
          <span>{t('login.help')}</span>
        </a>
      </p>
    </Page>
  );
}
