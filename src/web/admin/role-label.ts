import type { Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, translate } from '../../domain/i18n/translate.ts';
import type { RoleItem } from './admin-api.ts';

const DEFAULT_ROLES = new Set([
  'system_admin',
  'nrm_coordinator',
  'organisation_admin',
  'case_manager',
  'frontline_identifier',
  'service_focal_point',
  'bid_panel_member',
  'community_engagement_officer',
  'analyst',
  'auditor',
]);

/** A default role's translated name; a custom role's own label, else its key. */
export function roleLabel(locale: Locale, key: string, roles?: readonly RoleItem[]): string {
  if (DEFAULT_ROLES.has(key)) return translate(locale, `admin.role.${key}` as MessageKey);
  return roles?.find((r) => r.key === key)?.label ?? key;
}
