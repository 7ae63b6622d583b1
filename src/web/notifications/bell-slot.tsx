import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Where the header's bell goes. The bell and its words load after sign-in, on their own, so
 * the sign-in page carries none of it; until then (or offline, if loading fails) the slot is
 * empty and the header works as before.
 */
export function NotificationBellSlot() {
  const [Bell, setBell] = useState<ComponentType | undefined>();
  useEffect(() => {
    let active = true;
    import('./bell.tsx').then(
      (m) => active && setBell(() => m.NotificationBell),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return Bell ? <Bell /> : null;
}
