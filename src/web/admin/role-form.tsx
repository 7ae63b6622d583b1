import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { upsertRoleInput } from '../../domain/identity/schemas.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../identity/session.ts';
import { issueMessage } from '../validation/zod-messages.ts';
import { type RoleDetail, command } from './admin-api.ts';
import { PermissionLabel } from './role-permission-label.tsx';
import { groupLabel, groupPermissions } from './role-permissions.ts';
import { ConfirmInPlace } from '../ui/confirm-in-place.tsx';

const formSchema = upsertRoleInput.pick({ permissions: true, requiresTotp: true });
interface Values {
  permissions: string[];
  requiresTotp: boolean;
}

interface Props {
  role: RoleDetail;
  /** The role's name on screen, for the names of its buttons. */
  name: string;
  me: CurrentUser;
}

/** A role's permissions and second-factor rule, saved at once for everyone who holds it. */
export function RoleForm({ role, name, me }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const current = { permissions: role.permissions, requiresTotp: role.requiresTotp };
  const { register, handleSubmit, reset } = useForm<Values>({ resolver: resolver as never, defaultValues: current });
  const fingerprint = `${role.permissions.join(',')}|${role.requiresTotp}`;
  // The server's version wins after a save or a reset (or another administrator's change).
  useEffect(() => reset(current), [fingerprint]);
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'roles'] });
  const save = useMutation({
    mutationFn: (values: Values) => command('role.save', { key: role.key, ...(role.isDefault ? {} : { label: role.label ?? role.key }), permissions: values.permissions, requiresTotp: values.requiresTotp }, locale, me.csrfToken),
    onMutate: (): void => restore.reset(),
    onSuccess: refresh,
  });
  const restore = useMutation({
    mutationFn: () => command('role.reset', { key: role.key }, locale, me.csrfToken),
    onMutate: (): void => save.reset(),
    onSuccess: async () => {
      setConfirmingReset(false);
      await refresh();
    },
  });
  const failure = [save.error, restore.error].find((e) => e instanceof ApiFailure)?.problem;
  const prefix = `role-${role.key}`;
  const done = save.isSuccess ? t('admin.saved') : restore.isSuccess ? t('roles.restored') : '';

  return (
    <form noValidate aria-label={name} onSubmit={handleSubmit((values) => save.mutate(values))}>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      {groupPermissions().map((group) => (
        <fieldset key={group.key} class="field admin-choices role-group">
          <legend>{t(groupLabel(group.key))}</legend>
          {group.permissions.map((permission) => (
            <label key={permission} class="admin-check">
              <input type="checkbox" value={permission} {...register('permissions')} />
              <PermissionLabel permission={permission} />
            </label>
          ))}
        </fieldset>
      ))}
      <div class="field">
        <label class="admin-check">
          <input type="checkbox" role="switch" aria-describedby={`${prefix}-totp-hint`} {...register('requiresTotp')} />
          <span>{t('roles.requiresTotp')}</span>
        </label>
        <p id={`${prefix}-totp-hint`} class="field-hint">
          {t('roles.requiresTotpHint')}
        </p>
      </div>
      <p role="status">{done}</p>
      <button type="submit" class="button button-primary" aria-label={t('roles.saveName', { name })} disabled={save.isPending} aria-busy={save.isPending}>
        {t('admin.save')}
      </button>
      {!(role.isDefault && role.customised) ? null : confirmingReset ? (
        <ConfirmInPlace question={t('roles.resetConfirm', { name })} yes={t('admin.confirm')} no={t('admin.cancel')} pending={restore.isPending} onConfirm={() => restore.mutate()} onCancel={() => setConfirmingReset(false)} />
      ) : (
        <button type="button" class="button button-secondary button-after" aria-label={t('roles.resetName', { name })} onClick={() => setConfirmingReset(true)}>
          {t('roles.reset')}
        </button>
      )}
    </form>
  );
}
