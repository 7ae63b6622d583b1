import { z } from 'zod';
import { passwordSchema } from './schemas.ts';
import { PERMISSIONS } from './roles.ts';

/** Six digits; spaces people type from their phone ("123 456") are ignored. */
export const totpCodeSchema = z
  .string()
  .max(20)
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/));

export const totpBeginInput = z.object({}).strict();
export const totpCodeInput = z.object({ code: totpCodeSchema }).strict();

/** What only the enrolling user sees, once: never stored in clear, never replayed. */
export const totpEnrolmentView = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  uri: z.string(),
  qrSvg: z.string(),
});

/** The answer to a right password on an account with a second factor: no session yet. */
export const totpChallengeView = z.object({
  totpRequired: z.literal(true),
  /** Single use, valid five minutes, for POST /api/auth/login/totp. */
  challenge: z.string(),
});

export const totpLoginInput = z.object({ challenge: z.string().min(1).max(100), code: totpCodeSchema }).strict();

export const apiTokenCreateInput = z
  .object({
    tokenId: z.uuid(),
    name: z.string().trim().min(2).max(80),
    /** Permissions the token may use; only some of the creator's own. */
    scopes: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length),
    expiresInDays: z.number().int().min(1).max(730).optional(),
  })
  .strict();

export const apiTokenIdInput = z.object({ tokenId: z.uuid() }).strict();

export const apiTokenView = z.object({
  id: z.uuid(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof apiTokenView>;

export const passwordResetIssueInput = z.object({ userId: z.uuid() }).strict();

/** The link handed to the person; the token after `#` never reaches a server log. */
export const passwordResetLinkView = z.object({ url: z.string(), expiresAt: z.string() });

export const passwordResetInput = z.object({ token: z.string().min(1).max(200), password: passwordSchema }).strict();
