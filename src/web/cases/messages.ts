import { addMessages } from '../../domain/i18n/translate.ts';
import casesFr from '../../domain/i18n/catalogues/cases/fr.json' with { type: 'json' };
import casesEn from '../../domain/i18n/catalogues/cases/en.json' with { type: 'json' };
import casesBm from '../../domain/i18n/catalogues/cases/bm.json' with { type: 'json' };
import registrationFr from '../../domain/i18n/catalogues/registration/fr.json' with { type: 'json' };
import registrationEn from '../../domain/i18n/catalogues/registration/en.json' with { type: 'json' };
import registrationBm from '../../domain/i18n/catalogues/registration/bm.json' with { type: 'json' };
// The screening step embeds the forms renderer, which speaks with these words.
import formFillFr from '../../domain/i18n/catalogues/formFill/fr.json' with { type: 'json' };
import formFillEn from '../../domain/i18n/catalogues/formFill/en.json' with { type: 'json' };
import formFillBm from '../../domain/i18n/catalogues/formFill/bm.json' with { type: 'json' };

/** The words of the case pages, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...casesFr, ...registrationFr, ...formFillFr },
  en: { ...casesEn, ...registrationEn, ...formFillEn },
  bm: { ...casesBm, ...registrationBm, ...formFillBm },
});
