import { addMessages } from '../../domain/i18n/translate.ts';
import libraryFr from '../../domain/i18n/catalogues/activityLibrary/fr.json' with { type: 'json' };
import libraryEn from '../../domain/i18n/catalogues/activityLibrary/en.json' with { type: 'json' };
import libraryBm from '../../domain/i18n/catalogues/activityLibrary/bm.json' with { type: 'json' };
import activitiesFr from '../../domain/i18n/catalogues/activities/fr.json' with { type: 'json' };
import activitiesEn from '../../domain/i18n/catalogues/activities/en.json' with { type: 'json' };
import activitiesBm from '../../domain/i18n/catalogues/activities/bm.json' with { type: 'json' };

/** The library's words, and the activities' shared labels (exercise types, audiences), added when its code loads. */
addMessages({
  fr: { ...activitiesFr, ...libraryFr },
  en: { ...activitiesEn, ...libraryEn },
  bm: { ...activitiesBm, ...libraryBm },
});
