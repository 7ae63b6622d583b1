import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { apiTokenCreateInput } from '../../domain/identity/credential-schemas.ts';
import { PERMISSIONS } from '../../domain/identity/roles.ts';
import { ApiFailure, apiGet } from '../api/client.ts';
import { detailMessage, problemMessage } from '../api/errors.ts';
import { newCommandId } from '../api/uuid.ts';
import { useI18n } from '../i18n/i18n.ts';
import { type CurrentUser, hasAbility } from '../identity/session.ts';
import { TextField } from '../ui/text-field.tsx';
import { issueMessage } from '../validation/zod-messages.ts';
import { type Items, type RoleDetail, commandWithEphemeral } from './admin-api.ts';
import { PermissionLabel } from './role-permission-label.tsx';

const EXPIRY_DAYS = [30, 90, 365] as const;
const formSchema = z.object({ name: apiTokenCreateInput.shape.name, scopes: apiTokenCreateInput.shape.scopes, expiresInDays: z.string() });
interface Values {
  name: string;
  scopes: string[];
  /** Days as the select gives them; empty for a token that does not expire. */
  expiresInDays: string;
}

interface Props {
  me: CurrentUser;
  onCreated: (created: { name: string; token: string }) => void;
  onCancel: () => void;
}

/** A new token for an integration, limited to permissions its creator holds. */
export function TokenCreateForm({ me, onCreated, onCancel }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  // The permissions this person holds, from their roles; without the roles list, all are offered and the server refuses extra ones.
  const rolesAllowed = hasAbility(me, 'role.list');
  const roles = useQuery({ queryKey: ['admin', 'roles'], queryFn: () => apiGet<Items<RoleDetail>>('/api/roles', locale), enabled: rolesAllowed });
  const held = roles.data ? new Set(roles.data.items.filter((r) => me.roles.includes(r.key)).flatMap((r) => r.permissions)) : undefined;
  const offered = PERMISSIONS.filter((p) => !held || held.has(p));
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: resolver as never, defaultValues: { name: '', scopes: [], expiresInDays: '90' } });
  const { errors } = formState;
  const create = useMutation({
    mutationFn: (values: Values) =>
      commandWithEphemeral<{ token: string }>(
        'api_token.create',
        { tokenId: newCommandId(), name: values.name, scopes: values.scopes, ...(values.expiresInDays ? { expiresInDays: Number(values.expiresInDays) } : {}) },
        locale,
        me.csrfToken,
      ),
    onSuccess: async (ephemeral, values) => {
      onCreated({ name: values.name.trim(), token: ephemeral.token });
      await queries.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const failure = create.error instanceof ApiFailure ? create.error.problem : undefined;
  // A scope refused by the server (the person lost a permission meanwhile) is said in words, once.
  const scopeProblems = failure?.kind === 'error' ? [...new Set((failure.error.details ?? []).filter((d) => d.path.startsWith('input.scopes')).map((d) => detailMessage(d, failure.locale, locale)))] : [];

  return (
    <form class="card" noValidate aria-labelledby="token-create-title" onSubmit={handleSubmit((values) => create.mutate(values))}>
      <h2 id="token-create-title">{t('tokens.new')}</h2>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
        {scopeProblems.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <TextField id="new-token-name" label={t('tokens.name')} hint={t('tokens.nameHint')} autoComplete="off" registration={register('name')} error={errors.name?.message} />
      <fieldset class="field admin-choices" aria-describedby="new-token-scopes-hint">
        <legend>{t('tokens.scopes')}</legend>
        <p id="new-token-scopes-hint" class="field-hint">
          {t('tokens.scopesHint')}
        </p>
        {rolesAllowed && roles.isPending ? (
          <p role="status">{t('app.loading')}</p>
        ) : (
          offered.map((permission) => (
            <label key={permission} class="admin-check">
              <input type="checkbox" value={permission} {...register('scopes')} />
              <PermissionLabel permission={permission} />
            </label>
          ))
        )}
      </fieldset>
      <div class="field">
        <label for="new-token-expiry">{t('tokens.expiry')}</label>
        <select id="new-token-expiry" {...register('expiresInDays')}>
          {EXPIRY_DAYS.map((days) => (
            <option key={days} value={String(days)}>
              {t('tokens.expiryDays', { days })}
            </option>
          ))}
          <option value="">{t('tokens.expiryNever')}</option>
        </select>
      </div>
      <button type="submit" class="button button-primary" disabled={create.isPending} aria-busy={create.isPending}>
        {t('tokens.create')}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onCancel}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
