import { UpdateController } from './update-controller.ts';
import { unsentWork } from './unsent-work.ts';

// A page left open all day on a phone still learns of a new version.
const CHECK_EVERY_MS = 60 * 60_000;

let controller: UpdateController | undefined;

/** The page's update controller, or undefined where service workers are unavailable. */
export function appUpdates(): UpdateController | undefined {
  return controller;
}

/**
 * Registers the service worker after the page has loaded, so that on 2G its downloads do
 * not compete with the first paint. Only in a production build: the development server has
 * no sw.js. Service workers need a secure context (HTTPS, or localhost).
 */
export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  controller = new UpdateController({
    container: navigator.serviceWorker,
    unsentWork,
    reload: () => window.location.reload(),
  });
  const start = () => {
    void controller?.start('/sw.js').catch(() => {
      // Registration fails in private modes and insecure contexts: the app works, online only.
    });
    setInterval(() => void controller?.check(), CHECK_EVERY_MS);
    window.addEventListener('online', () => void controller?.check());
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
