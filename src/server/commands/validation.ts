import type { z } from 'zod';
import { type ErrorDetail, SiraError } from '../../domain/errors/catalogue.ts';

/**
 * Maps zod issues onto stable, translatable detail codes (`validation.<code>`). Parse with
 * `reportInput: true` so a missing value can be told from a wrong one; the input values
 * themselves never leave this function.
 */
export function zodToSiraError(error: z.ZodError, prefix?: string): SiraError {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) details.push({ path: base ? `${base}.${key}` : key, code: 'unrecognized_keys' });
      continue;
    }
    details.push({ path: base, ...detailFor(issue) });
  }
  return new SiraError('VALIDATION_FAILED', details);
}

function detailFor(issue: z.core.$ZodIssue): Pick<ErrorDetail, 'code' | 'params'> {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.input === undefined ? 'required' : 'invalid_type' };
    case 'too_small': {
      const kind = issue.origin === 'string' ? 'string' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'number';
      if (kind === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: `too_small_${kind}`, params: { minimum: Number(issue.minimum) } };
    }
    case 'too_big': {
      const kind = issue.origin === 'string' ? 'string' : issue.origin === 'array' || issue.origin === 'set' ? 'array' : 'number';
      return { code: `too_big_${kind}`, params: { maximum: Number(issue.maximum) } };
    }
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'invalid_email' : issue.format === 'uuid' ? 'invalid_uuid' : 'invalid_format' };
    case 'invalid_value':
      return { code: 'invalid_value' };
    case 'custom':
      // A refinement names its rule (`params.code`), translated as `validation.<code>`.
      return { code: typeof issue.params?.code === 'string' ? issue.params.code : 'invalid' };
    default:
      return { code: 'invalid' };
  }
}
