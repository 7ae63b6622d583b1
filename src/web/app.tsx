import { LocationProvider } from 'preact-iso/router';
import type { Locale } from '../domain/i18n/locales.ts';
import { SessionProvider } from './identity/session-store.tsx';
import { Shell } from './shell/shell.tsx';

interface Props {
  initialLocale: Locale;
}

export function App({ initialLocale }: Props) {
  return (
    <LocationProvider>
      <SessionProvider initialDeviceLocale={initialLocale}>
        <Shell />
      </SessionProvider>
    </LocationProvider>
  );
}
