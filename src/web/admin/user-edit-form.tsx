import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { rolesSchema } from '../../domain/identity/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { issueMessage } from '../validation/zod-messages.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { TextField } from '../ui/text-field.tsx';
import { type RoleItem, type UserItem, command } from './admin-api.ts';
import { roleLabel } from './role-label.ts';

const formSchema = z.object({ displayName: z.string().trim().min(2).max(120), roles: rolesSchema });
interface Values {
  displayName: string;
  roles: string[];
}

/** Name and roles of an account; the server refuses a role the administrator may not grant. */
export function UserEditForm({ user, roles, me }: { user: UserItem; roles: readonly RoleItem[]; me: CurrentUser }) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: resolver as never, defaultValues: { displayName: user.displayName, roles: user.roles } });
  const { errors } = formState;
  const save = useMutation({
    mutationFn: (values: Values) => command('user.update', { userId: user.id, ...values }, locale, me.csrfToken),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const prefix = `edit-${user.id}`;

  return (
    <form class="admin-section" noValidate aria-labelledby={`${prefix}-title`} onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h3 id={`${prefix}-title`}>{t('admin.users.edit')}</h3>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <TextField id={`${prefix}-name`} label={t('admin.users.name')} autoComplete="off" registration={register('displayName')} error={errors.displayName?.message} />
      <fieldset class="field admin-choices">
        <legend>{t('admin.users.roles')}</legend>
        {roles.map((role) => (
          <label key={role.key} class="admin-check">
            <input type="checkbox" value={role.key} {...register('roles')} />
            <span>{roleLabel(locale, role.key, roles)}</span>
          </label>
        ))}
        {errors.roles && <p class="field-error">{errors.roles.message}</p>}
      </fieldset>
      <p role="status">{save.isSuccess && !save.isPending ? t('admin.saved') : ''}</p>
      <button type="submit" class="button button-primary" disabled={save.isPending} aria-busy={save.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
