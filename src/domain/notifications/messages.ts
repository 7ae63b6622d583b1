import type { Locale } from '../i18n/locales.ts';
import { translate } from '../i18n/translate.ts';
import { notificationTextKey } from './kinds.ts';

/**
 * The absolute address of an in-app path, or null when the server does not know its public
 * address (SIRA_PUBLIC_URL unset): an email or SMS then says "open Sira" without a link,
 * rather than a link that points nowhere.
 */
export function absoluteLink(publicUrl: string | null, path: string): string | null {
  if (!publicUrl) return null;
  return new URL(path.replace(/^\/+/, ''), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).toString();
}

export interface OutgoingMessage {
  subject: string;
  text: string;
}

/**
 * What leaves Sira by email or SMS: the catalogue sentence for the kind and a link, nothing
 * else. No name, no case or reference code: a phone's lock screen or a shared mailbox may be
 * read by anyone.
 */
export function outgoingMessage(locale: Locale, kind: string, link: string | null): OutgoingMessage {
  const sentence = translate(locale, notificationTextKey(kind));
  const action = link ? translate(locale, 'notifications.message.open', { link }) : translate(locale, 'notifications.message.openApp');
  return { subject: translate(locale, 'notifications.message.subject'), text: `${sentence}\n${action}` };
}
