import { addMessages } from '../../domain/i18n/translate.ts';
import adminFr from '../../domain/i18n/catalogues/admin/fr.json' with { type: 'json' };
import adminEn from '../../domain/i18n/catalogues/admin/en.json' with { type: 'json' };
import adminBm from '../../domain/i18n/catalogues/admin/bm.json' with { type: 'json' };
import organisationsFr from '../../domain/i18n/catalogues/organisations/fr.json' with { type: 'json' };
import organisationsEn from '../../domain/i18n/catalogues/organisations/en.json' with { type: 'json' };
import organisationsBm from '../../domain/i18n/catalogues/organisations/bm.json' with { type: 'json' };
import rolesFr from '../../domain/i18n/catalogues/roles/fr.json' with { type: 'json' };
import rolesEn from '../../domain/i18n/catalogues/roles/en.json' with { type: 'json' };
import rolesBm from '../../domain/i18n/catalogues/roles/bm.json' with { type: 'json' };
import tokensFr from '../../domain/i18n/catalogues/tokens/fr.json' with { type: 'json' };
import tokensEn from '../../domain/i18n/catalogues/tokens/en.json' with { type: 'json' };
import tokensBm from '../../domain/i18n/catalogues/tokens/bm.json' with { type: 'json' };

/** The words of these pages, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...adminFr, ...organisationsFr, ...rolesFr, ...tokensFr },
  en: { ...adminEn, ...organisationsEn, ...rolesEn, ...tokensEn },
  bm: { ...adminBm, ...organisationsBm, ...rolesBm, ...tokensBm },
});
