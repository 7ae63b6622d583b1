import { addMessages } from '../../domain/i18n/translate.ts';
import activitiesFr from '../../domain/i18n/catalogues/activities/fr.json' with { type: 'json' };
import activitiesEn from '../../domain/i18n/catalogues/activities/en.json' with { type: 'json' };
import activitiesBm from '../../domain/i18n/catalogues/activities/bm.json' with { type: 'json' };

/** The words of the activity screens, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...activitiesFr },
  en: { ...activitiesEn },
  bm: { ...activitiesBm },
});
