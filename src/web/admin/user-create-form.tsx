import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { createUserInput } from '../../domain/identity/schemas.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { issueMessage } from '../validation/zod-messages.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { TextField } from '../ui/text-field.tsx';
import { type Items, type OrganisationItem, type RoleItem, command } from './admin-api.ts';
import { roleLabel } from './role-label.ts';

const formSchema = createUserInput.omit({ userId: true, locale: true });
interface Values {
  email: string;
  displayName: string;
  password: string;
  organisationId: string;
  roles: string[];
}

interface Props {
  me: CurrentUser;
  roles: readonly RoleItem[];
  onDone: () => void;
}

/** A new staff account; an organisation administrator creates it in their own organisation. */
export function UserCreateForm({ me, roles, onDone }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const organisations = useQuery({ queryKey: ['admin', 'organisations'], queryFn: () => apiGet<Items<OrganisationItem>>('/api/organisations', locale) });
  const choices = organisations.data?.items ?? [me.organisation];
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: resolver as never,
    defaultValues: { email: '', displayName: '', password: '', organisationId: me.organisation.id, roles: [] },
  });
  const { errors } = formState;
  const create = useMutation({
    mutationFn: (values: Values) => command('user.create', { ...values, userId: newCommandId() }, locale, me.csrfToken),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone();
    },
  });
  const failure = create.error instanceof ApiFailure ? create.error.problem : undefined;

  return (
    <form class="card" noValidate aria-labelledby="user-create-title" onSubmit={handleSubmit((values) => create.mutate(values))}>
      <h2 id="user-create-title">{t('admin.users.new')}</h2>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      <TextField id="new-user-name" label={t('admin.users.name')} autoComplete="off" registration={register('displayName')} error={errors.displayName?.message} />
      <TextField id="new-user-email" label={t('login.email')} type="email" inputMode="email" autoComplete="off" registration={register('email')} error={errors.email?.message} />
      <TextField id="new-user-password" label={t('admin.users.password')} type="password" autoComplete="new-password" registration={register('password')} error={errors.password?.message} />
      {choices.length > 1 ? (
        <div class="field">
          <label for="new-user-organisation">{t('admin.users.organisation')}</label>
          <select id="new-user-organisation" {...register('organisationId')}>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p class="organisation">{t('admin.users.inOrganisation', { name: me.organisation.name })}</p>
      )}
      <fieldset class="field admin-choices" aria-describedby={errors.roles ? 'new-user-roles-error' : undefined}>
        <legend>{t('admin.users.roles')}</legend>
        {roles.map((role) => (
          <label key={role.key} class="admin-check">
            <input type="checkbox" value={role.key} {...register('roles')} />
            <span>{roleLabel(locale, role.key, roles)}</span>
          </label>
        ))}
        {errors.roles && (
          <p id="new-user-roles-error" class="field-error">
            {errors.roles.message}
          </p>
        )}
      </fieldset>
      <button type="submit" class="button button-primary" disabled={create.isPending} aria-busy={create.isPending}>
        {t('admin.users.create')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onDone}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
