import { addMessages } from '../../domain/i18n/translate.ts';
import totpFr from '../../domain/i18n/catalogues/totp/fr.json' with { type: 'json' };
import totpEn from '../../domain/i18n/catalogues/totp/en.json' with { type: 'json' };
import totpBm from '../../domain/i18n/catalogues/totp/bm.json' with { type: 'json' };
import passwordResetFr from '../../domain/i18n/catalogues/passwordReset/fr.json' with { type: 'json' };
import passwordResetEn from '../../domain/i18n/catalogues/passwordReset/en.json' with { type: 'json' };
import passwordResetBm from '../../domain/i18n/catalogues/passwordReset/bm.json' with { type: 'json' };

/** The words of these pages, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...totpFr, ...passwordResetFr },
  en: { ...totpEn, ...passwordResetEn },
  bm: { ...totpBm, ...passwordResetBm },
});
