import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { passwordSchema } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import { issueMessage } from '../validation/zod-messages.ts';

/**
 * A new password typed twice, checked with the server's own rule (at least 12 characters).
 * The list of common passwords stays on the server (too large for phones): its refusal comes
 * back as a field error.
 */
export const newPasswordFields = { password: passwordSchema, confirm: z.string().min(1).max(256) };

/** The zod object with the "typed twice the same" check, as the one issue pointing at `confirm`. */
export function withConfirmation(shape: z.ZodRawShape & typeof newPasswordFields) {
  return z.object(shape).refine((v) => (v as { password: string }).password === (v as { confirm: string }).confirm, { path: ['confirm'] });
}

/** Validates in the person's language; the only custom issue is the mismatch. */
export function passwordResolver<V extends FieldValues>(schema: z.ZodType, locale: Locale): Resolver<V> {
  return zodResolver(schema as never, { error: (issue) => (issue.code === 'custom' ? translate(locale, 'passwordReset.mismatch') : issueMessage(locale, issue)) }) as unknown as Resolver<V>;
}
