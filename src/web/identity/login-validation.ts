import { zodResolver } from '@hookform/resolvers/zod';
import { loginInput } from '../../domain/identity/schemas.ts';
import type { Locale } from '../../domain/i18n/locales.ts';
import { issueMessage } from '../validation/zod-messages.ts';

/**
 * The server's own login schema, checking the form before it is sent. Loaded after the
 * form is on screen: zod is the largest library of the app (about 20 kB compressed) and the
 * form does not need it to be typed into.
 */
export function loginResolver(locale: Locale) {
  return zodResolver(loginInput, { error: (issue) => issueMessage(locale, issue) });
}
