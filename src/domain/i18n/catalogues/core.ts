/**
 * The areas the web app needs before any feature page: the sign-in page, the shell, the home
 * page, errors and validation. The web build resolves the catalogue index to this file, and each
 * feature page adds its own areas when its code loads (`addMessages`), so a phone on 2G
 * downloads a feature's words with that feature, not with the sign-in page.
 */
import appFr from './app/fr.json' with { type: 'json' };
import appEn from './app/en.json' with { type: 'json' };
import appBm from './app/bm.json' with { type: 'json' };
import commonFr from './common/fr.json' with { type: 'json' };
import commonEn from './common/en.json' with { type: 'json' };
import commonBm from './common/bm.json' with { type: 'json' };
import errorsFr from './errors/fr.json' with { type: 'json' };
import errorsEn from './errors/en.json' with { type: 'json' };
import errorsBm from './errors/bm.json' with { type: 'json' };
import homeFr from './home/fr.json' with { type: 'json' };
import homeEn from './home/en.json' with { type: 'json' };
import homeBm from './home/bm.json' with { type: 'json' };
import loginFr from './login/fr.json' with { type: 'json' };
import loginEn from './login/en.json' with { type: 'json' };
import loginBm from './login/bm.json' with { type: 'json' };
import navFr from './nav/fr.json' with { type: 'json' };
import navEn from './nav/en.json' with { type: 'json' };
import navBm from './nav/bm.json' with { type: 'json' };
import offlineFr from './offline/fr.json' with { type: 'json' };
import offlineEn from './offline/en.json' with { type: 'json' };
import offlineBm from './offline/bm.json' with { type: 'json' };
import shellFr from './shell/fr.json' with { type: 'json' };
import shellEn from './shell/en.json' with { type: 'json' };
import shellBm from './shell/bm.json' with { type: 'json' };
import validationFr from './validation/fr.json' with { type: 'json' };
import validationEn from './validation/en.json' with { type: 'json' };
import validationBm from './validation/bm.json' with { type: 'json' };

export const CORE_AREAS = ['app', 'common', 'errors', 'home', 'login', 'nav', 'offline', 'shell', 'validation'] as const;

export const fr = {
  ...appFr,
  ...commonFr,
  ...errorsFr,
  ...homeFr,
  ...loginFr,
  ...navFr,
  ...offlineFr,
  ...shellFr,
  ...validationFr,
};

export const en = {
  ...appEn,
  ...commonEn,
  ...errorsEn,
  ...homeEn,
  ...loginEn,
  ...navEn,
  ...offlineEn,
  ...shellEn,
  ...validationEn,
};

export const bm = {
  ...appBm,
  ...commonBm,
  ...errorsBm,
  ...homeBm,
  ...loginBm,
  ...navBm,
  ...offlineBm,
  ...shellBm,
  ...validationBm,
};
