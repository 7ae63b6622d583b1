import { addMessages } from '../../domain/i18n/translate.ts';
import directoryFr from '../../domain/i18n/catalogues/directory/fr.json' with { type: 'json' };
import directoryEn from '../../domain/i18n/catalogues/directory/en.json' with { type: 'json' };
import directoryBm from '../../domain/i18n/catalogues/directory/bm.json' with { type: 'json' };
import serviceEditFr from '../../domain/i18n/catalogues/serviceEdit/fr.json' with { type: 'json' };
import serviceEditEn from '../../domain/i18n/catalogues/serviceEdit/en.json' with { type: 'json' };
import serviceEditBm from '../../domain/i18n/catalogues/serviceEdit/bm.json' with { type: 'json' };
import organisationsFr from '../../domain/i18n/catalogues/organisations/fr.json' with { type: 'json' };
import organisationsEn from '../../domain/i18n/catalogues/organisations/en.json' with { type: 'json' };
import organisationsBm from '../../domain/i18n/catalogues/organisations/bm.json' with { type: 'json' };

/** The words of these pages, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...directoryFr, ...serviceEditFr, ...organisationsFr },
  en: { ...directoryEn, ...serviceEditEn, ...organisationsEn },
  bm: { ...directoryBm, ...serviceEditBm, ...organisationsBm },
});
