import type { Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, translate } from '../../domain/i18n/translate.ts';

/** Event types with a name in the catalogues; any other is shown as recorded. */
export const KNOWN_AUDIT_TYPES = [
  'command.applied',
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.logout',
  'auth.lockout',
  'auth.totp.failed',
  'auth.password_reset',
  'auth.password_reset.failed',
  'auth.api_token.failed',
  'access.denied',
  'user.roles_changed',
  'role.permissions_changed',
  'job.dead',
  'backup.restored',
] as const;

const KNOWN = new Set<string>(KNOWN_AUDIT_TYPES);

export function auditTypeLabel(locale: Locale, type: string): string {
  return KNOWN.has(type) ? translate(locale, `admin.audit.type.${type.replaceAll('.', '_')}` as MessageKey) : type;
}
