import { addMessages } from '../../domain/i18n/translate.ts';
import formFillFr from '../../domain/i18n/catalogues/formFill/fr.json' with { type: 'json' };
import formFillEn from '../../domain/i18n/catalogues/formFill/en.json' with { type: 'json' };
import formFillBm from '../../domain/i18n/catalogues/formFill/bm.json' with { type: 'json' };
import formLibraryFr from '../../domain/i18n/catalogues/formLibrary/fr.json' with { type: 'json' };
import formLibraryEn from '../../domain/i18n/catalogues/formLibrary/en.json' with { type: 'json' };
import formLibraryBm from '../../domain/i18n/catalogues/formLibrary/bm.json' with { type: 'json' };

/** The words of these pages, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...formFillFr, ...formLibraryFr },
  en: { ...formFillEn, ...formLibraryEn },
  bm: { ...formFillBm, ...formLibraryBm },
});
