import { addMessages } from '../../domain/i18n/translate.ts';
import pathwaysFr from '../../domain/i18n/catalogues/pathways/fr.json' with { type: 'json' };
import pathwaysEn from '../../domain/i18n/catalogues/pathways/en.json' with { type: 'json' };
import pathwaysBm from '../../domain/i18n/catalogues/pathways/bm.json' with { type: 'json' };
import referralsFr from '../../domain/i18n/catalogues/referrals/fr.json' with { type: 'json' };
import referralsEn from '../../domain/i18n/catalogues/referrals/en.json' with { type: 'json' };
import referralsBm from '../../domain/i18n/catalogues/referrals/bm.json' with { type: 'json' };

/** The words of this page, and the referrals' timing words the chart shares, added when its code loads. */
addMessages({
  fr: { ...referralsFr, ...pathwaysFr },
  en: { ...referralsEn, ...pathwaysEn },
  bm: { ...referralsBm, ...pathwaysBm },
});
