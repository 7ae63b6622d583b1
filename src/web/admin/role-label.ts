import { isDefaultRole } from '../../domain/identity/roles.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, translate } from '../../domain/i18n/translate.ts';
import type { RoleItem } from './admin-api.ts';

/** A default role's translated name; a custom role's own label, else its key. */
export function roleLabel(locale: Locale, key: string, roles?: readonly RoleItem[]): string {
  if (isDefaultRole(key)) return translate(locale, `admin.role.${key}` as MessageKey);
  return roles?.find((r) => r.key === key)?.label ?? key;
}
