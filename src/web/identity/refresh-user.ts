import { useI18n } from '../i18n/i18n.ts';
import { fetchCurrentUser } from './session.ts';
import { useSession } from './session-store.tsx';

/**
 * Asks the server again who is signed in, after a change to the account's second factor:
 * abilities and the enrolment requirement are decided there, at every request.
 */
export function useRefreshUser(): () => Promise<void> {
  const session = useSession();
  const { locale } = useI18n();
  return async () => {
    const result = await fetchCurrentUser(locale);
    if (result.kind === 'ok') session.updateUser(() => result.data);
    else if (result.kind === 'error' && result.status === 401) session.expire(result);
    else session.recheck();
  };
}
