import { addMessages } from '../../domain/i18n/translate.ts';
import referralsFr from '../../domain/i18n/catalogues/referrals/fr.json' with { type: 'json' };
import referralsEn from '../../domain/i18n/catalogues/referrals/en.json' with { type: 'json' };
import referralsBm from '../../domain/i18n/catalogues/referrals/bm.json' with { type: 'json' };

/** The words of the referral screens, added when their code loads (the sign-in page does not carry them). */
addMessages({
  fr: { ...referralsFr },
  en: { ...referralsEn },
  bm: { ...referralsBm },
});
