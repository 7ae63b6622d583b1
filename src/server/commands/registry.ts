import { createApiToken, revokeApiToken } from '../identity/api-token-commands.ts';
import { issuePasswordReset } from '../identity/password-reset.ts';
import { resetRole, upsertRole } from '../identity/role-commands.ts';
import { changePassword, revokeSession, setLocale } from '../identity/self-commands.ts';
import { beginTotp, confirmTotp, disableTotp, resetTotp } from '../identity/totp-commands.ts';
import { createUser, deactivateUser, reactivateUser, updateUser } from '../identity/user-commands.ts';
import { addFormVersion, createForm, publishFormVersion } from '../forms/commands.ts';
import { seedBuiltinForms } from '../forms/builtin.ts';
import { createService, deactivateService, saveTerm, seedTaxonomy, updateService, verifyService } from '../directory/commands.ts';
import { recordConsent, reviewConsentOverride, withdrawConsent } from '../cases/consent-commands.ts';
import { discloseCase } from '../cases/disclosure.ts';
import { dismissCaseLink, mergeCases, requestCaseLink } from '../cases/links.ts';
import { registerCase } from '../cases/register.ts';
import { setCasePhoto } from '../cases/photo.ts';
import { erasePerson } from '../cases/rights/erase.ts';
import { createReferral } from '../referrals/create.ts';
import { REFERRAL_TRANSITION_COMMANDS } from '../referrals/transitions.ts';
import { retryJob } from '../jobs/commands.ts';
import { markNotificationsRead, updateNotificationSettings } from '../notifications/commands.ts';
import { createOrganisation, updateOrganisation } from '../organisations/commands.ts';
import { resetPathway, savePathway } from '../referrals/pathways/commands.ts';
import { createActivity, updateActivity, updateActivityReportTexts } from '../activities/commands/plan.ts';
import { ACTIVITY_TRANSITION_COMMANDS } from '../activities/commands/transitions.ts';
import { ACTIVITY_LIBRARY_COMMANDS } from '../activities/library/commands.ts';
import { PARTICIPANT_COMMANDS } from '../activities/commands/participants.ts';
import { setHeadCounts } from '../activities/commands/head-counts.ts';
import { deleteEvaluation, recordEvaluation } from '../activities/commands/evaluations.ts';
import type { CommandDefinition } from './define.ts';
import type { CommandRegistry } from './run.ts';

/** Every command Sira accepts. The HTTP API, the CLI and the offline outbox all use this list. */
export const ALL_COMMANDS: readonly CommandDefinition[] = [
  createOrganisation,
  updateOrganisation,
  createUser,
  updateUser,
  deactivateUser,
  reactivateUser,
  setLocale,
  changePassword,
  revokeSession,
  beginTotp,
  confirmTotp,
  disableTotp,
  resetTotp,
  createApiToken,
  revokeApiToken,
  issuePasswordReset,
  upsertRole,
  resetRole,
  retryJob,
  markNotificationsRead,
  updateNotificationSettings,
  createForm,
  addFormVersion,
  publishFormVersion,
  seedBuiltinForms,
  seedTaxonomy,
  saveTerm,
  createService,
  updateService,
  verifyService,
  deactivateService,
  registerCase,
  setCasePhoto,
  recordConsent,
  withdrawConsent,
  discloseCase,
  reviewConsentOverride,
  requestCaseLink,
  mergeCases,
  dismissCaseLink,
  erasePerson,
  createReferral,
  ...REFERRAL_TRANSITION_COMMANDS,
  savePathway,
  resetPathway,
  ...ACTIVITY_LIBRARY_COMMANDS,
  createActivity,
  updateActivity,
  updateActivityReportTexts,
  ...ACTIVITY_TRANSITION_COMMANDS,
  ...PARTICIPANT_COMMANDS,
  setHeadCounts,
  recordEvaluation,
  deleteEvaluation,
] as unknown as CommandDefinition[];

export function buildRegistry(commands: readonly CommandDefinition[] = ALL_COMMANDS): CommandRegistry {
  const map = new Map<string, CommandDefinition>();
  for (const c of commands) {
    if (map.has(c.name)) throw new Error(`duplicate command name ${c.name}`);
    map.set(c.name, c);
  }
  return map;
}
