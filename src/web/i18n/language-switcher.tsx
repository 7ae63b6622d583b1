import { LOCALES, type Locale } from '../../domain/i18n/locales.ts';
import { translate } from '../../domain/i18n/translate.ts';
import { Icon } from '../ui/icons.tsx';
import { useI18n } from './i18n.ts';

interface Props {
  onChange(locale: Locale): void;
  /** Unique per page: the group is named by its visible label. */
  labelId: string;
  /** Light buttons on the dark header, or dark ones on a card. */
  tone?: 'on-brand' | 'on-paper';
  label?: string;
  disabled?: boolean;
}

/**
 * Each language is named in itself and marked with its own `lang`, so that a reader of
 * any of them finds it, and a screen reader pronounces it correctly.
 */
export function LanguageSwitcher({ onChange, labelId, tone = 'on-brand', label, disabled }: Props) {
  const { locale, t } = useI18n();
  return (
    <div class={`language-switcher ${tone}`} role="group" aria-labelledby={labelId}>
      <span id={labelId} class="language-label">
        <Icon name="language" size={20} />
        <span>{label ?? t('app.language')}</span>
      </span>
      <div class="language-options">
        {LOCALES.map((code) => (
          <button
            key={code}
            type="button"
            lang={code}
            class="language-option"
            aria-pressed={code === locale}
            disabled={disabled}
            onClick={() => code !== locale && onChange(code)}
          >
            {translate(code, `app.language.${code}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
