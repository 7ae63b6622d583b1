import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { changePasswordInput } from '../../domain/identity/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import { selfCommand } from './account-api.ts';
import { newPasswordFields, passwordResolver, withConfirmation } from './password-rules.ts';
import type { CurrentUser } from './session.ts';
import { OWN_SESSIONS_KEY } from './my-sessions.tsx';

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

const schema = withConfirmation({ ...newPasswordFields, currentPassword: changePasswordInput.shape.currentPassword });
/** Where the server's field names land in this form. */
const FIELDS: Record<string, keyof Values> = { 'input.currentPassword': 'currentPassword', 'input.newPassword': 'password' };

/** `user.change_password`: the current password, then the new one twice. Other sessions end. */
export function ChangePassword({ user }: { user: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const resolver = useMemo(() => passwordResolver<Values>(schema, locale), [locale]);
  const { register, handleSubmit, setError, setFocus, reset, formState } = useForm<Values>({ resolver, defaultValues: { currentPassword: '', password: '', confirm: '' } });
  const { errors } = formState;
  const change = useMutation({
    mutationFn: (values: Values) => selfCommand('user.change_password', { currentPassword: values.currentPassword, newPassword: values.password }, locale, user.csrfToken),
    onSuccess: async () => {
      reset();
      await queries.invalidateQueries({ queryKey: OWN_SESSIONS_KEY });
    },
    onError: (error) => {
      const problem = error instanceof ApiFailure ? error.problem : undefined;
      if (problem?.kind !== 'error') return;
      const fields = (problem.error.details ?? []).filter((d) => d.path in FIELDS);
      for (const d of fields) setError(FIELDS[d.path]!, { type: 'server', message: detailMessage(d, problem.locale, locale) });
      if (fields[0]) setFocus(FIELDS[fields[0].path]!);
    },
  });
  const failure = change.error instanceof ApiFailure ? change.error.problem : undefined;

  return (
    <form class="card" noValidate aria-labelledby="account-password-title" onSubmit={handleSubmit((values) => change.mutate(values))}>
      <h2 id="account-password-title">{t('shell.account.password')}</h2>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <TextField
        id="current-password"
        label={t('shell.account.currentPassword')}
        type="password"
        autoComplete="current-password"
        registration={register('currentPassword')}
        error={errors.currentPassword?.message}
      />
      <TextField
        id="new-password"
        label={t('shell.account.newPassword')}
        hint={t('passwordReset.passwordHint')}
        type="password"
        autoComplete="new-password"
        registration={register('password')}
        error={errors.password?.message}
      />
      <TextField id="new-password-confirm" label={t('shell.account.confirmPassword')} type="password" autoComplete="new-password" registration={register('confirm')} error={errors.confirm?.message} />
      <p class="saved" role="status">
        {change.isSuccess ? t('shell.account.passwordChanged') : ''}
      </p>
      <button type="submit" class="button button-primary" disabled={change.isPending} aria-busy={change.isPending}>
        {t('shell.account.passwordSubmit')}
      </button>
    </form>
  );
}
