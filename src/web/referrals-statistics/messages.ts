import { addMessages } from '../../domain/i18n/translate.ts';
import statisticsFr from '../../domain/i18n/catalogues/referralStatistics/fr.json' with { type: 'json' };
import statisticsEn from '../../domain/i18n/catalogues/referralStatistics/en.json' with { type: 'json' };
import statisticsBm from '../../domain/i18n/catalogues/referralStatistics/bm.json' with { type: 'json' };

/** The words of the statistics page, added when its code loads. */
addMessages({ fr: statisticsFr, en: statisticsEn, bm: statisticsBm });
