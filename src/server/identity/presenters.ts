import type { z } from 'zod';
import type { RoleDefinition, RoleKey } from '../../domain/identity/roles.ts';
import { isDefaultRole } from '../../domain/identity/roles.ts';
import type { roleView, sessionView, UserView } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { SessionRow, UserRow } from './queries.ts';

/** For those who manage the account. No password hash, no lockout internals, ever. */
export function presentUser(row: UserRow, secondFactor: boolean): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    organisationId: row.organisationId,
    roles: row.roles,
    locale: row.locale as Locale,
    active: row.active,
    secondFactor,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The token hash identifies a session in the database only; the public handle is its id. */
export function presentSession(row: SessionRow, currentTokenHash: string | null): z.infer<typeof sessionView> {
  return {
    id: row.id,
    userId: row.userId,
    device: row.device,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    current: row.tokenHash === currentTokenHash,
  };
}

export function presentRole(key: RoleKey, def: RoleDefinition, override: { label: string | null } | undefined): z.infer<typeof roleView> {
  return {
    key,
    label: override?.label ?? null,
    isDefault: isDefaultRole(key),
    customised: override !== undefined,
    permissions: [...def.permissions],
    requiresTotp: def.requiresTotp,
  };
}
