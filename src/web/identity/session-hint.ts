/**
 * Whether this device had a session when last seen: a yes/no, never who. Without a hint the
 * login form shows at once and /api/auth/me is asked in the background, so that on 2G the
 * form does not wait a round trip (2 s and more) for an answer that is nearly always "no".
 * With a hint, the app waits for the answer rather than flash the login form.
 */
const KEY = 'sira.session';

export function readSessionHint(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function writeSessionHint(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the app then always shows the login form first, which is safe.
  }
}
