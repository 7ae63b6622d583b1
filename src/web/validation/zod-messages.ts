import type { z } from 'zod';
import type { Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, type MessageValues, catalogues, translate } from '../../domain/i18n/translate.ts';

/**
 * A zod issue in the person's language, with the same `validation.*` codes the server puts
 * in its error details (src/server/commands/validation.ts), so that a field reads the same
 * whether the phone or the server caught the mistake. Used as zod's per-parse error map.
 * One difference: an empty text field is "required" here even where the schema asks for an
 * email, since that is what the person needs to hear.
 */
export function issueMessage(locale: Locale, issue: z.core.$ZodRawIssue): string {
  const [key, values] = issueKey(issue);
  return translate(locale, key, values);
}

function issueKey(issue: z.core.$ZodRawIssue): [MessageKey, MessageValues?] {
  const input: unknown = issue.input;
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return ['validation.required'];
  switch (issue.code) {
    case 'invalid_type':
      return ['validation.invalid_type'];
    case 'too_small': {
      const kind = kindOf(issue.origin);
      return [`validation.too_small_${kind}`, { minimum: Number(issue.minimum) }];
    }
    case 'too_big': {
      const kind = kindOf(issue.origin);
      return [`validation.too_big_${kind}`, { maximum: Number(issue.maximum) }];
    }
    case 'invalid_format':
      return [issue.format === 'email' ? 'validation.invalid_email' : issue.format === 'uuid' ? 'validation.invalid_uuid' : 'validation.invalid_format'];
    case 'invalid_value':
      return ['validation.invalid_value'];
    case 'custom': {
      // A refinement names its rule; the server sends the same code (validation.<code>).
      const code = issue.params?.code;
      return typeof code === 'string' && `validation.${code}` in catalogues.fr ? [`validation.${code}` as MessageKey] : ['validation.invalid'];
    }
    default:
      return ['validation.invalid'];
  }
}

function kindOf(origin: unknown): 'string' | 'array' | 'number' {
  return origin === 'string' ? 'string' : origin === 'array' || origin === 'set' ? 'array' : 'number';
}
