/**
 * What the service worker does with a request, decided without I/O so it can be tested.
 *
 * - `network`: not touched at all. Every /api/ request is here, whatever its method: API
 *   answers carry personal data, and nothing personal may sit in a cache that outlives the
 *   session on a shared phone.
 * - `precache`: a file of this build, answered from the cache (hashed names never change).
 * - `app-shell`: a page of the app (`/`, `/account`…), answered with the cached index.html,
 *   so the app opens with no connection, and at once on a slow one.
 */
export type Handling = 'network' | 'precache' | 'app-shell';

export interface RequestInfo {
  method: string;
  url: string;
  /** Request.mode: 'navigate' for a page load. */
  mode: string;
}

/** Not the app: the API (personal data), health checks, and the server's own public pages and open data. */
const NEVER_CACHED = [/^\/api(\/|$)/, /^\/healthz$/, /^\/annuaire(\/|$)/, /^\/hsds(\/|$)/];

export function handlingOf(request: RequestInfo, origin: string, precached: ReadonlySet<string>): Handling {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  if (NEVER_CACHED.some((pattern) => pattern.test(url.pathname))) return 'network';
  if (precached.has(url.pathname)) return 'precache';
  // A page of the app has no file extension; /icons/missing.png is a file, not a page.
  if (request.mode === 'navigate' && !/\.[a-z0-9]+$/i.test(url.pathname)) return 'app-shell';
  return 'network';
}

/** Hashed build files are immutable: the HTTP cache may answer. The rest must be revalidated. */
export function isImmutable(url: string): boolean {
  return url.startsWith('/assets/');
}

export const CACHE_PREFIX = 'sira-shell-';

export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** Caches left by earlier versions of the app: removed once the new version is active. */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current);
}

/** The message a page sends to let a waiting update take over. */
export const SKIP_WAITING = 'sira:skip-waiting';
