import { z } from 'zod';

/**
 * Typed audit events. `data` holds names of fields, codes and counts: never a value of
 * personal data. Adding a type is additive; changing a type's shape needs a new type.
 */
export const auditEventData = {
  'command.applied': z.object({ command: z.string(), fields: z.array(z.string()) }).strict(),
  'auth.login.succeeded': z.object({}).strict(),
  'auth.login.failed': z.object({ reason: z.enum(['unknown_account', 'bad_password', 'inactive', 'locked', 'rate_limited']) }).strict(),
  'auth.logout': z.object({}).strict(),
  'auth.lockout': z.object({ failures: z.number().int(), minutes: z.number().int() }).strict(),
  'access.denied': z.object({ action: z.string() }).strict(),
  /** A second-factor code refused: at sign-in, or when switching the second factor off. */
  'auth.totp.failed': z.object({ reason: z.enum(['bad_code', 'replayed', 'challenge_invalid']) }).strict(),
  'auth.api_token.failed': z.object({ reason: z.enum(['unknown', 'revoked', 'expired', 'inactive']) }).strict(),
  'auth.password_reset': z.object({}).strict(),
  /** Every sealed value re-sealed with the current secret key (`sira keys rotate`). */
  'system.keys_rotated': z.object({ keyId: z.string(), resealed: z.number().int(), previousKeysKept: z.number().int() }).strict(),
  'auth.password_reset.failed': z.object({ reason: z.enum(['unknown', 'used', 'replaced', 'expired']) }).strict(),
  /** Role keys are configuration, not personal data. */
  'user.roles_changed': z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).strict(),
  'role.permissions_changed': z.object({ permissions: z.array(z.string()), requiresTotp: z.boolean() }).strict(),
  'job.dead': z.object({ kind: z.string(), attempts: z.number().int() }).strict(),
  'job.retried': z.object({ kind: z.string() }).strict(),
  'backup.restored': z.object({ rows: z.number().int(), sourceMigration: z.string() }).strict(),
  /** A directory entry opened, closed or retired: statuses are HSDS codes. */
  'directory.service_status_changed': z.object({ from: z.string(), to: z.string() }).strict(),
  /** Terms of the shipped taxonomies added where missing (existing terms are never changed). */
  'directory.taxonomy_seeded': z.object({ taxonomies: z.number().int(), terms: z.number().int() }).strict(),
  /** Identifying data of a case was read: the case file, a comparison for a merge, a rights export. */
  'case.viewed': z.object({ purpose: z.enum(['file', 'merge_review', 'rights_export']) }).strict(),
  /** A registration-time duplicate check: how many candidates, how many held elsewhere (never who). */
  'case.duplicates_checked': z.object({ candidates: z.number().int(), heldElsewhere: z.number().int() }).strict(),
  /** A disclosure consent did not cover, made anyway by a role allowed to override, with a reason (stored encrypted). */
  'consent.overridden': z.object({ toOrganisationId: z.string(), serviceType: z.string().nullable() }).strict(),
  /** A referral opened by one of its sides: which minimal fields were shown (never their values). */
  'referral.viewed': z.object({ side: z.enum(['referrer', 'receiver']), fields: z.array(z.string()) }).strict(),
  /** The paper referral form printed (it carries the minimal data set). */
  'referral.form_printed': z.object({ locale: z.string(), fields: z.array(z.string()) }).strict(),
  /** The answer deadline passed unanswered: marked overdue and escalated to the coordinators. */
  'referral.overdue': z.object({ urgency: z.string(), escalated: z.boolean() }).strict(),
  /** The participant list of an activity read with names (given with consent): how many names were shown, never which. */
  'activity.participants_viewed': z.object({ named: z.number().int() }).strict(),
} as const;

export type AuditEventType = keyof typeof auditEventData;
export type AuditEventData<T extends AuditEventType> = z.infer<(typeof auditEventData)[T]>;
