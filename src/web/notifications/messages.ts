import { addMessages } from '../../domain/i18n/translate.ts';
import notificationsFr from '../../domain/i18n/catalogues/notifications/fr.json' with { type: 'json' };
import notificationsEn from '../../domain/i18n/catalogues/notifications/en.json' with { type: 'json' };
import notificationsBm from '../../domain/i18n/catalogues/notifications/bm.json' with { type: 'json' };

/** The words of the notifications page and the header bell, added when their code loads. */
addMessages({ fr: notificationsFr, en: notificationsEn, bm: notificationsBm });
