import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';
import { ROLES } from './roles.ts';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

/** At least 12 characters (NIST SP 800-63B); issue #3 adds the common-password list. */
export const passwordSchema = z.string().min(12).max(256);

export const createUserInput = z
  .object({
    userId: z.uuid(),
    email: emailSchema,
    displayName: z.string().trim().min(2).max(120),
    password: passwordSchema,
    organisationId: z.uuid(),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
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
  roles: z.array(z.enum(ROLES)),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  csrfToken: z.string(),
});
export type CurrentUserView = z.infer<typeof currentUserView>;
