import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { DEFAULT_LOCALE, type Locale } from '../../domain/i18n/locales.ts';
import { type MessageKey, type MessageValues, translate } from '../../domain/i18n/translate.ts';

/** Keys are typed against the French catalogue, so a misspelt key fails the type check. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
}

export function createI18n(locale: Locale): I18n {
  return { locale, t: (key, values) => translate(locale, key, values) };
}

const I18nContext = createContext<I18n>(createI18n(DEFAULT_LOCALE));

export const I18nProvider = I18nContext.Provider;

export function useI18n(): I18n {
  return useContext(I18nContext);
}
