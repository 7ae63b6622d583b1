import { addMessages } from '../../../domain/i18n/translate.ts';
import activityRunFr from '../../../domain/i18n/catalogues/activityRun/fr.json' with { type: 'json' };
import activityRunEn from '../../../domain/i18n/catalogues/activityRun/en.json' with { type: 'json' };
import activityRunBm from '../../../domain/i18n/catalogues/activityRun/bm.json' with { type: 'json' };
import activitiesFr from '../../../domain/i18n/catalogues/activities/fr.json' with { type: 'json' };
import activitiesEn from '../../../domain/i18n/catalogues/activities/en.json' with { type: 'json' };
import activitiesBm from '../../../domain/i18n/catalogues/activities/bm.json' with { type: 'json' };
import formFillFr from '../../../domain/i18n/catalogues/formFill/fr.json' with { type: 'json' };
import formFillEn from '../../../domain/i18n/catalogues/formFill/en.json' with { type: 'json' };
import formFillBm from '../../../domain/i18n/catalogues/formFill/bm.json' with { type: 'json' };
import registrationFr from '../../../domain/i18n/catalogues/registration/fr.json' with { type: 'json' };
import registrationEn from '../../../domain/i18n/catalogues/registration/en.json' with { type: 'json' };
import registrationBm from '../../../domain/i18n/catalogues/registration/bm.json' with { type: 'json' };

/** The words of the attendance, evaluation and results screens (sex labels are the register's; questionnaires are drawn by the forms renderer). */
addMessages({
  fr: { ...formFillFr, ...registrationFr, ...activitiesFr, ...activityRunFr },
  en: { ...formFillEn, ...registrationEn, ...activitiesEn, ...activityRunEn },
  bm: { ...formFillBm, ...registrationBm, ...activitiesBm, ...activityRunBm },
});
