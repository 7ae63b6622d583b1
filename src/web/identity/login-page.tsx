import type { Locale } from '../../domain/i18n/locales.ts';
import { useRef, useState } from 'preact/hooks';
import type { ApiErrorDetail } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.ts';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { Layout } from '../shell/layout.tsx';
import { TextField } from '../ui/text-field.tsx';
import { type CurrentUser, signIn } from './session.ts';

interface Props {
  onSignedIn(user: CurrentUser): void;
  onLocaleChange(locale: Locale): void;
  /** A message to show before any attempt, e.g. the server could not be reached at start. */
  notice?: string | undefined;
}

type FieldErrors = Partial<Record<'email' | 'password', string>>;

function fieldErrorsFrom(details: ApiErrorDetail[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details ?? []) {
    if ((d.path === 'email' || d.path === 'password') && !errors[d.path]) errors[d.path] = d.message;
  }
  return errors;
}

export function LoginPage({ onSignedIn, onLocaleChange, notice }: Props) {
  const { locale, t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | undefined>(notice);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function changeLocale(next: Locale) {
    // Messages came from the server in the previous language; better none than a foreign one.
    setFormError(undefined);
    setFieldErrors({});
    onLocaleChange(next);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (submitting) return;
    // Checked here to spare a 2G round trip; the server checks again and has the last word.
    const missing: FieldErrors = {};
    if (!email.trim()) missing.email = t('validation.required');
    if (!password) missing.password = t('validation.required');
    // Emptied first so that the same message, shown again, is announced again.
    setFormError(undefined);
    setFieldErrors(missing);
    if (missing.email || missing.password) {
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setSubmitting(true);
    const result = await signIn(locale, email, password);
    setSubmitting(false);
    if (result.kind === 'ok') {
      onSignedIn(result.data);
      return;
    }
    if (result.kind === 'network') {
      setFormError(t('app.networkError'));
      return;
    }
    const errors = fieldErrorsFrom(result.error.details);
    setFormError(result.error.message);
    setFieldErrors(errors);
    if (errors.email) {
      emailRef.current?.focus();
    } else {
      // Wrong credentials: keep the address, let the person type the password again.
      setPassword('');
      passwordRef.current?.focus();
    }
  }

  return (
    <Layout title={t('login.title')} headerExtra={<LanguageSwitcher onChange={changeLocale} />}>
      <section class="card" aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <form noValidate onSubmit={submit} aria-describedby={formError ? 'login-error' : undefined}>
          {/* Always present, so that assistive technology is listening before a message arrives. */}
          <div id="login-error" class={formError ? 'form-error' : 'form-error is-empty'} role="alert">
            {formError}
          </div>
          <TextField
            id="email"
            label={t('login.email')}
            type="email"
            inputMode="email"
            autoComplete="username"
            value={email}
            onInput={setEmail}
            error={fieldErrors.email}
            inputRef={emailRef}
          />
          <TextField
            id="password"
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={setPassword}
            error={fieldErrors.password}
            inputRef={passwordRef}
          />
          <button type="submit" class="button button-primary" disabled={submitting} aria-busy={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </section>
    </Layout>
  );
}
