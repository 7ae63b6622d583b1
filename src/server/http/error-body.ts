import { z } from 'zod';
import { type ErrorDetail, SiraError } from '../../domain/errors/catalogue.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export function errorBody(err: SiraError, locale: Locale, requestId: string): ErrorBody {
  const message = translate(locale, `errors.${err.code}`, { requestId, ...err.params });
  const details = err.details.map((d: ErrorDetail) => ({
    path: d.path,
    code: d.code,
    message: translate(locale, `validation.${d.code}`, d.params),
  }));
  return { error: { code: err.code, message, requestId, ...(details.length ? { details } : {}) } };
}
