/**
 * The message catalogues, one folder per area of the product (the first segment of every key),
 * so features add their words without touching each other's files. French is the source:
 * message keys are typed against it.
 */
import activitiesFr from './activities/fr.json' with { type: 'json' };
import activitiesEn from './activities/en.json' with { type: 'json' };
import activitiesBm from './activities/bm.json' with { type: 'json' };
import activityLibraryFr from './activityLibrary/fr.json' with { type: 'json' };
import activityLibraryEn from './activityLibrary/en.json' with { type: 'json' };
import activityLibraryBm from './activityLibrary/bm.json' with { type: 'json' };
import activityReportFr from './activityReport/fr.json' with { type: 'json' };
import activityReportEn from './activityReport/en.json' with { type: 'json' };
import activityReportBm from './activityReport/bm.json' with { type: 'json' };
import activityRunFr from './activityRun/fr.json' with { type: 'json' };
import activityRunEn from './activityRun/en.json' with { type: 'json' };
import activityRunBm from './activityRun/bm.json' with { type: 'json' };
import adminFr from './admin/fr.json' with { type: 'json' };
import adminEn from './admin/en.json' with { type: 'json' };
import adminBm from './admin/bm.json' with { type: 'json' };
import appFr from './app/fr.json' with { type: 'json' };
import appEn from './app/en.json' with { type: 'json' };
import appBm from './app/bm.json' with { type: 'json' };
import casesFr from './cases/fr.json' with { type: 'json' };
import casesEn from './cases/en.json' with { type: 'json' };
import casesBm from './cases/bm.json' with { type: 'json' };
import cliFr from './cli/fr.json' with { type: 'json' };
import cliEn from './cli/en.json' with { type: 'json' };
import cliBm from './cli/bm.json' with { type: 'json' };
import commonFr from './common/fr.json' with { type: 'json' };
import commonEn from './common/en.json' with { type: 'json' };
import commonBm from './common/bm.json' with { type: 'json' };
import directoryFr from './directory/fr.json' with { type: 'json' };
import directoryEn from './directory/en.json' with { type: 'json' };
import directoryBm from './directory/bm.json' with { type: 'json' };
import directoryImportFr from './directoryImport/fr.json' with { type: 'json' };
import directoryImportEn from './directoryImport/en.json' with { type: 'json' };
import directoryImportBm from './directoryImport/bm.json' with { type: 'json' };
import errorsFr from './errors/fr.json' with { type: 'json' };
import errorsEn from './errors/en.json' with { type: 'json' };
import errorsBm from './errors/bm.json' with { type: 'json' };
import formFillFr from './formFill/fr.json' with { type: 'json' };
import formFillEn from './formFill/en.json' with { type: 'json' };
import formFillBm from './formFill/bm.json' with { type: 'json' };
import formLibraryFr from './formLibrary/fr.json' with { type: 'json' };
import formLibraryEn from './formLibrary/en.json' with { type: 'json' };
import formLibraryBm from './formLibrary/bm.json' with { type: 'json' };
import formsFr from './forms/fr.json' with { type: 'json' };
import formsEn from './forms/en.json' with { type: 'json' };
import formsBm from './forms/bm.json' with { type: 'json' };
import homeFr from './home/fr.json' with { type: 'json' };
import homeEn from './home/en.json' with { type: 'json' };
import homeBm from './home/bm.json' with { type: 'json' };
import loginFr from './login/fr.json' with { type: 'json' };
import loginEn from './login/en.json' with { type: 'json' };
import loginBm from './login/bm.json' with { type: 'json' };
import navFr from './nav/fr.json' with { type: 'json' };
import navEn from './nav/en.json' with { type: 'json' };
import navBm from './nav/bm.json' with { type: 'json' };
import notificationsFr from './notifications/fr.json' with { type: 'json' };
import notificationsEn from './notifications/en.json' with { type: 'json' };
import notificationsBm from './notifications/bm.json' with { type: 'json' };
import offlineFr from './offline/fr.json' with { type: 'json' };
import offlineEn from './offline/en.json' with { type: 'json' };
import offlineBm from './offline/bm.json' with { type: 'json' };
import organisationsFr from './organisations/fr.json' with { type: 'json' };
import organisationsEn from './organisations/en.json' with { type: 'json' };
import organisationsBm from './organisations/bm.json' with { type: 'json' };
import passwordResetFr from './passwordReset/fr.json' with { type: 'json' };
import passwordResetEn from './passwordReset/en.json' with { type: 'json' };
import passwordResetBm from './passwordReset/bm.json' with { type: 'json' };
import pathwaysFr from './pathways/fr.json' with { type: 'json' };
import pathwaysEn from './pathways/en.json' with { type: 'json' };
import pathwaysBm from './pathways/bm.json' with { type: 'json' };
import personExportFr from './personExport/fr.json' with { type: 'json' };
import personExportEn from './personExport/en.json' with { type: 'json' };
import personExportBm from './personExport/bm.json' with { type: 'json' };
import publicDirectoryFr from './publicDirectory/fr.json' with { type: 'json' };
import publicDirectoryEn from './publicDirectory/en.json' with { type: 'json' };
import publicDirectoryBm from './publicDirectory/bm.json' with { type: 'json' };
import referralFormFr from './referralForm/fr.json' with { type: 'json' };
import referralFormEn from './referralForm/en.json' with { type: 'json' };
import referralFormBm from './referralForm/bm.json' with { type: 'json' };
import referralStatisticsFr from './referralStatistics/fr.json' with { type: 'json' };
import referralStatisticsEn from './referralStatistics/en.json' with { type: 'json' };
import referralStatisticsBm from './referralStatistics/bm.json' with { type: 'json' };
import referralsFr from './referrals/fr.json' with { type: 'json' };
import referralsEn from './referrals/en.json' with { type: 'json' };
import referralsBm from './referrals/bm.json' with { type: 'json' };
import registrationFr from './registration/fr.json' with { type: 'json' };
import registrationEn from './registration/en.json' with { type: 'json' };
import registrationBm from './registration/bm.json' with { type: 'json' };
import rolesFr from './roles/fr.json' with { type: 'json' };
import rolesEn from './roles/en.json' with { type: 'json' };
import rolesBm from './roles/bm.json' with { type: 'json' };
import serviceEditFr from './serviceEdit/fr.json' with { type: 'json' };
import serviceEditEn from './serviceEdit/en.json' with { type: 'json' };
import serviceEditBm from './serviceEdit/bm.json' with { type: 'json' };
import shellFr from './shell/fr.json' with { type: 'json' };
import shellEn from './shell/en.json' with { type: 'json' };
import shellBm from './shell/bm.json' with { type: 'json' };
import tokensFr from './tokens/fr.json' with { type: 'json' };
import tokensEn from './tokens/en.json' with { type: 'json' };
import tokensBm from './tokens/bm.json' with { type: 'json' };
import totpFr from './totp/fr.json' with { type: 'json' };
import totpEn from './totp/en.json' with { type: 'json' };
import totpBm from './totp/bm.json' with { type: 'json' };
import validationFr from './validation/fr.json' with { type: 'json' };
import validationEn from './validation/en.json' with { type: 'json' };
import validationBm from './validation/bm.json' with { type: 'json' };

export const CATALOGUE_AREAS = ['activities', 'activityLibrary', 'activityReport', 'activityRun', 'admin', 'app', 'cases', 'cli', 'common', 'directory', 'directoryImport', 'errors', 'formFill', 'formLibrary', 'forms', 'home', 'login', 'nav', 'notifications', 'offline', 'organisations', 'passwordReset', 'pathways', 'personExport', 'publicDirectory', 'referralForm', 'referralStatistics', 'referrals', 'registration', 'roles', 'serviceEdit', 'shell', 'tokens', 'totp', 'validation'] as const;

export const fr = {
  ...activitiesFr,
  ...activityLibraryFr,
  ...activityReportFr,
  ...activityRunFr,
  ...adminFr,
  ...appFr,
  ...casesFr,
  ...cliFr,
  ...commonFr,
  ...directoryFr,
  ...directoryImportFr,
  ...errorsFr,
  ...formFillFr,
  ...formLibraryFr,
  ...formsFr,
  ...homeFr,
  ...loginFr,
  ...navFr,
  ...notificationsFr,
  ...offlineFr,
  ...organisationsFr,
  ...passwordResetFr,
  ...pathwaysFr,
  ...personExportFr,
  ...publicDirectoryFr,
  ...referralFormFr,
  ...referralStatisticsFr,
  ...referralsFr,
  ...registrationFr,
  ...rolesFr,
  ...serviceEditFr,
  ...shellFr,
  ...tokensFr,
  ...totpFr,
  ...validationFr,
};

export const en = {
  ...activitiesEn,
  ...activityLibraryEn,
  ...activityReportEn,
  ...activityRunEn,
  ...adminEn,
  ...appEn,
  ...casesEn,
  ...cliEn,
  ...commonEn,
  ...directoryEn,
  ...directoryImportEn,
  ...errorsEn,
  ...formFillEn,
  ...formLibraryEn,
  ...formsEn,
  ...homeEn,
  ...loginEn,
  ...navEn,
  ...notificationsEn,
  ...offlineEn,
  ...organisationsEn,
  ...passwordResetEn,
  ...pathwaysEn,
  ...personExportEn,
  ...publicDirectoryEn,
  ...referralFormEn,
  ...referralStatisticsEn,
  ...referralsEn,
  ...registrationEn,
  ...rolesEn,
  ...serviceEditEn,
  ...shellEn,
  ...tokensEn,
  ...totpEn,
  ...validationEn,
};

export const bm = {
  ...activitiesBm,
  ...activityLibraryBm,
  ...activityReportBm,
  ...activityRunBm,
  ...adminBm,
  ...appBm,
  ...casesBm,
  ...cliBm,
  ...commonBm,
  ...directoryBm,
  ...directoryImportBm,
  ...errorsBm,
  ...formFillBm,
  ...formLibraryBm,
  ...formsBm,
  ...homeBm,
  ...loginBm,
  ...navBm,
  ...notificationsBm,
  ...offlineBm,
  ...organisationsBm,
  ...passwordResetBm,
  ...pathwaysBm,
  ...personExportBm,
  ...publicDirectoryBm,
  ...referralFormBm,
  ...referralStatisticsBm,
  ...referralsBm,
  ...registrationBm,
  ...rolesBm,
  ...serviceEditBm,
  ...shellBm,
  ...tokensBm,
  ...totpBm,
  ...validationBm,
};
