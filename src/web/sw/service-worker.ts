import { SKIP_WAITING, cacheName, handlingOf, isImmutable, staleCaches } from './strategy.ts';

/** Filled in at build time (src/web/build/pwa-plugin.ts): this build's files and its hash. */
declare const __SIRA_PRECACHE__: string[];
declare const __SIRA_VERSION__: string;

// The DOM library does not describe service workers; these are the few members used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageEventLike extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
}

const scope = self as unknown as WorkerScope;
const PRECACHE: readonly string[] = __SIRA_PRECACHE__;
const CACHE = cacheName(__SIRA_VERSION__);
const PRECACHED = new Set(PRECACHE);
const SHELL = '/index.html';

scope.addEventListener('install', (event) => {
  // Deliberately no skipWaiting(): a new version waits until a page has checked that nothing
  // is left unsent and the person agreed (src/web/pwa/update-controller.ts).
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Hashed files are usually in the HTTP cache already from this very visit: no second
      // download on 2G. index.html, the manifests and icons are revalidated.
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: isImmutable(url) ? 'default' : 'no-cache' }))),
    ),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await Promise.all(staleCaches(await caches.keys(), CACHE).map((name) => caches.delete(name)));
      // On a first install this puts the open page under the worker without reloading it;
      // after an update, only pages that agreed (or have nothing unsent) reload.
      await scope.clients.claim();
    })(),
  );
});

scope.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const handling = handlingOf({ method: request.method, url: request.url, mode: request.mode }, scope.location.origin, PRECACHED);
  if (handling === 'network') return; // the browser goes to the network itself; nothing is stored
  const key = handling === 'app-shell' ? SHELL : new URL(request.url).pathname;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key))
      // Storage may have been cleared by the system: the network is still there, perhaps.
      .then((cached) => cached ?? fetch(request)),
  );
});
