import { useEffect, useState } from 'preact/hooks';

/**
 * What the browser believes about the connection. "Online" can still mean a captive portal
 * or a dead server: API calls report those themselves; this only drives the offline notice.
 */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
