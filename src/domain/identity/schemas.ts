import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { PERMISSIONS, ROLE_KEY_PATTERN } from './roles.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

/**
 * At least 12 characters (NIST SP 800-63B); the server also refuses passwords from a list
 * of common ones (kept server-side: the list is too large for phones).
 */
export const passwordSchema = z.string().min(12).max(256);

export const roleKeySchema = z.string().regex(ROLE_KEY_PATTERN);
export const rolesSchema = z.array(roleKeySchema).min(1).max(20);

export const createUserInput = z
  .object({
    userId: z.uuid(),
    email: emailSchema,
    displayName: z.string().trim().min(2).max(120),
    password: passwordSchema,
    organisationId: z.uuid(),
    roles: rolesSchema,
    locale: z.enum(LOCALES).default('fr'),
  })
  .strict();
export type CreateUserInput = z.infer<typeof createUserInput>;

export const loginInput = z
  .object({
    email: emailSchema,
    password: z.string().min(1).max(256),
  })
  .strict();

export const currentUserView = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  locale: z.enum(LOCALES),
  roles: z.array(z.string()),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  /** Actions allowed somewhere (see src/domain/policies): the UI shows only these. */
  abilities: z.array(z.string()),
  /** Empty for API-token requests, which need no CSRF token. */
  csrfToken: z.string(),
  /** Whether this account signs in with a second factor (TOTP). */
  totpEnabled: z.boolean().optional(),
  /**
   * A role of this account requires a second factor and none is set up: until it is, the
   * session may only enrol one (user.totp_begin, user.totp_confirm), read this, and sign out.
   */
  totpEnrolmentRequired: z.boolean().optional(),
});
export type CurrentUserView = z.infer<typeof currentUserView>;

export const updateUserInput = z
  .object({
    userId: z.uuid(),
    displayName: z.string().trim().min(2).max(120).optional(),
    roles: rolesSchema.optional(),
  })
  .strict();

export const userIdInput = z.object({ userId: z.uuid() }).strict();

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) }).strict();

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }).strict();

export const revokeSessionInput = z.object({ sessionId: z.uuid() }).strict();

export const upsertRoleInput = z
  .object({
    key: roleKeySchema,
    label: z.string().trim().min(2).max(80).optional(),
    permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    requiresTotp: z.boolean().default(false),
  })
  .strict();

export const resetRoleInput = z.object({ key: roleKeySchema }).strict();

/** A staff account as shown to those who manage it. */
export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.uuid(),
  roles: z.array(z.string()),
  locale: z.enum(LOCALES),
  active: z.boolean(),
  /** Whether a second factor is set up (never the secret): administrators reset a lost one. */
  secondFactor: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const sessionView = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  device: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});

export const roleView = z.object({
  key: z.string(),
  label: z.string().nullable(),
  isDefault: z.boolean(),
  customised: z.boolean(),
  permissions: z.array(z.string()),
  requiresTotp: z.boolean(),
});
