import { LOCALES, type Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import { useI18n } from './i18n.ts';

interface Props {
  onChange(locale: Locale): void;
}

/**
 * Each language is named in itself and marked with its own `lang`, so that a reader of
 * any of them finds it, and a screen reader pronounces it correctly.
 */
export function LanguageSwitcher({ onChange }: Props) {
  const { locale, t } = useI18n();
  return (
    <div class="language-switcher" role="group" aria-labelledby="language-label">
      <span id="language-label" class="language-label">
        {t('app.language')}
      </span>
      <div class="language-options">
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            class="language-option"
            aria-pressed={code === locale}
            onClick={() => onChange(code)}
          >
            {translate(code, `app.language.${code}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
