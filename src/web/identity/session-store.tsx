import { type ComponentChildren, createContext } from 'preact';
import { useLocation } from 'preact-iso/router';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../domain/i18n/locales.ts';
import type { ApiProblem } from '../api/client.ts';
import { saveDeviceLocale } from '../i18n/device-locale.ts';
import { I18nProvider, createI18n } from '../i18n/i18n.ts';
import { type CurrentUser, fetchCurrentUser, signOut as requestSignOut } from './session.ts';
import { readSessionHint, writeSessionHint } from './session-hint.ts';

export type SessionState =
  /** A session may exist (the hint says so): waiting for the server before showing anything. */
  | { status: 'checking' }
  /** `notice`: why the person is here, e.g. their session expired. */
  | { status: 'anonymous'; notice?: ApiProblem | undefined }
  /** A session may exist but the server cannot be reached: nothing of the account is shown. */
  | { status: 'unreachable' }
  | { status: 'signedIn'; user: CurrentUser };

export interface Session {
  state: SessionState;
  /** The language on screen: the signed-in user's, otherwise this device's. */
  locale: Locale;
  deviceLocale: Locale;
  setDeviceLocale(next: Locale): void;
  signedIn(user: CurrentUser): void;
  /** Resolves to the problem when the server could not be told (the session then goes on). */
  signOut(): Promise<ApiProblem | undefined>;
  /** The server said the session is over (401 on any call). */
  expire(problem: ApiProblem): void;
  recheck(): void;
  updateUser(update: (user: CurrentUser) => CurrentUser): void;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

interface Props {
  initialDeviceLocale: Locale;
  children: ComponentChildren;
}

export function SessionProvider({ initialDeviceLocale, children }: Props) {
  const { route } = useLocation();
  const [deviceLocale, setDeviceLocaleState] = useState(initialDeviceLocale);
  const [state, setState] = useState<SessionState>(() => (readSessionHint() ? { status: 'checking' } : { status: 'anonymous' }));
  // Bumped by every sign-in and sign-out, so that a late answer to an older check is ignored.
  const generation = useRef(0);

  const end = useCallback(
    (notice?: ApiProblem) => {
      generation.current++;
      writeSessionHint(false);
      // A shared phone shows nothing of the previous user: leaving the signed-in state
      // unmounts the area that holds the cache of server data (shell/signed-in-area.tsx).
      setState({ status: 'anonymous', notice });
      route('/');
    },
    [route],
  );

  const check = useCallback(async () => {
    const asked = generation.current;
    const result = await fetchCurrentUser(deviceLocale);
    if (asked !== generation.current) return;
    if (result.kind === 'ok') {
      writeSessionHint(true);
      setState({ status: 'signedIn', user: result.data });
    } else if (result.kind === 'network') {
      setState((current) => (current.status === 'checking' || current.status === 'unreachable' ? { status: 'unreachable' } : current));
    } else {
      writeSessionHint(false);
      // 401 without an expiry is the ordinary "not signed in"; anything else is worth saying.
      const notice = result.status === 401 && result.error.code !== 'SESSION_EXPIRED' ? undefined : result;
      setState((current) => (current.status === 'signedIn' ? current : { status: 'anonymous', notice }));
    }
    // Only the device's language at the time of asking matters: the answer is a yes/no.
  }, [deviceLocale]);

  useEffect(() => {
    void check();
    // Once at start; later checks are explicit (retry, back online).
  }, []);

  useEffect(() => {
    if (state.status !== 'unreachable') return;
    const again = () => void check();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [state.status, check]);

  const session = useMemo<Session>(() => {
    const locale = state.status === 'signedIn' ? state.user.locale : deviceLocale;
    return {
      state,
      locale,
      deviceLocale,
      setDeviceLocale(next) {
        // The device's own choice; a signed-in user's language never overwrites it, so the
        // next person on a shared phone finds the language the device was set to.
        saveDeviceLocale(next);
        setDeviceLocaleState(next);
      },
      signedIn(user) {
        generation.current++;
        writeSessionHint(true);
        setState({ status: 'signedIn', user });
      },
      async signOut() {
        if (state.status !== 'signedIn') return undefined;
        const result = await requestSignOut(locale, state.user.csrfToken);
        // 401: the session already ended on the server (expired, revoked); same outcome.
        if (result.kind === 'ok' || (result.kind === 'error' && result.status === 401)) {
          end();
          return undefined;
        }
        return result;
      },
      expire(problem) {
        if (state.status === 'signedIn') end(problem);
      },
      recheck() {
        setState({ status: 'checking' });
        void check();
      },
      updateUser(update) {
        setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', user: update(current.user) } : current));
      },
    };
  }, [state, deviceLocale, end, check]);

  const i18n = useMemo(() => createI18n(session.locale), [session.locale]);
  return (
    <SessionContext.Provider value={session}>
      <I18nProvider value={i18n}>{children}</I18nProvider>
    </SessionContext.Provider>
  );
}
