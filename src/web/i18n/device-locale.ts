import { DEFAULT_LOCALE, type Locale, negotiateLocale } from '../../domain/i18n/locales.ts';

/**
 * The language chosen on this device, used until someone signs in. A shared phone keeps
 * its own choice: a signed-in user's language never overwrites it, so the next person
 * finds the login page in the language the device was set to.
 */
const STORAGE_KEY = 'sira.locale';

export function readDeviceLocale(): Locale {
  try {
    // negotiateLocale tolerates a stale or foreign value ("fr-ML", "xx") and falls back to French.
    return negotiateLocale(localStorage.getItem(STORAGE_KEY), DEFAULT_LOCALE);
  } catch {
    return DEFAULT_LOCALE; // storage disabled (private mode, full quota)
  }
}

export function saveDeviceLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; the switch still applies to this visit.
  }
}
