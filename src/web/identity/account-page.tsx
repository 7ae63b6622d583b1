import './messages.ts';
import { useMutation } from '@tanstack/preact-query';
import type { Locale } from '../../domain/i18n/locales.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { formatDate, formatNumber, formatXof } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { LanguageSwitcher } from '../i18n/language-switcher.tsx';
import { Page } from '../shell/page.tsx';
import { ChangePassword } from './change-password.tsx';
import { MySessions } from './my-sessions.tsx';
import { type CurrentUser, saveUserLocale } from './session.ts';
import { useSession } from './session-store.tsx';
import { TotpSettings } from './totp-settings.tsx';

// Examples for the formats preview: a round sum as in an assistance budget, a large count.
const SAMPLE_NUMBER = 1234567.5;
const SAMPLE_AMOUNT = 125000;

export function AccountPage() {
  const { state } = useSession();
  return state.status === 'signedIn' ? <Account user={state.user} /> : null;
}

function Account({ user }: { user: CurrentUser }) {
  const session = useSession();
  const { locale, t } = useI18n();
  // The switch shows at once; if the server refuses, the previous language comes back.
  const save = useMutation({
    mutationFn: async (next: Locale) => {
      const result = await saveUserLocale(next, user.csrfToken);
      if (result.kind !== 'ok') throw new ApiFailure(result);
      return result.data.result.locale;
    },
    onMutate: (next: Locale) => {
      const previous = user.locale;
      session.updateUser((u) => ({ ...u, locale: next }));
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context) session.updateUser((u) => ({ ...u, locale: context.previous }));
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const now = new Date();

  return (
    <Page id="account-title" title={t('nav.account')}>
      <dl class="card facts">
        <dt>{t('shell.account.name')}</dt>
        <dd>{user.displayName}</dd>
        <dt>{t('login.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('shell.account.organisation')}</dt>
        <dd>{user.organisation.name}</dd>
      </dl>
      <section class="card" aria-labelledby="account-language-title">
        <h2 id="account-language-title">{t('shell.account.language')}</h2>
        <p class="hint">{t('shell.account.languageHint')}</p>
        <LanguageSwitcher
          labelId="account-language"
          tone="on-paper"
          label={t('app.language')}
          disabled={save.isPending}
          onChange={(next) => save.mutate(next)}
        />
        <p class="saved" role="status">
          {save.isSuccess ? t('shell.account.languageSaved') : ''}
        </p>
        <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
          {failure && problemMessage(failure, locale)}
        </div>
      </section>
      <ChangePassword user={user} />
      <TotpSettings user={user} />
      <MySessions user={user} />
      <section class="card" aria-labelledby="account-formats-title">
        <h2 id="account-formats-title">{t('shell.account.formats')}</h2>
        <dl class="facts">
          <dt>{t('shell.account.formatDate')}</dt>
          <dd>{formatDate(locale, now, 'full')}</dd>
          <dt>{t('shell.account.formatNumber')}</dt>
          <dd>{formatNumber(locale, SAMPLE_NUMBER)}</dd>
          <dt>{t('shell.account.formatAmount')}</dt>
          <dd>{formatXof(locale, SAMPLE_AMOUNT)}</dd>
        </dl>
      </section>
    </Page>
  );
}
