import { useI18n } from '../i18n/i18n.ts';
import { permissionLabel, permissionScope, scopeLabel } from './role-permissions.ts';

/** A permission's name and, when it exists in both scopes, where it applies. */
export function PermissionLabel({ permission }: { permission: string }) {
  const { t } = useI18n();
  const scope = permissionScope(permission);
  return (
    <span>
      {t(permissionLabel(permission))}
      {scope && <span class={scope === 'own' ? 'role-scope is-own' : 'role-scope'}> — {t(scopeLabel(scope))}</span>}
    </span>
  );
}
