import type { Role } from '../../../src/domain/identity/roles.ts';

export type Target = 'own' | 'other';
/** Expected status for a signed-in user of a role, acting on a record of their own organisation or another's. */
export type Expectation = (role: Role, target: Target) => number;

const only =
  (allowed: Role[], ok = 200, denied = 404): Expectation =>
  (role) =>
    allowed.includes(role) ? ok : denied;
const scoped =
  (own: Role[], other: Role[], ok = 200, denied = 404): Expectation =>
  (role, target) =>
    (target === 'own' ? own : other).includes(role) ? ok : denied;
const everyone =
  (status = 200): Expectation =>
  () =>
    status;

const RECEIVERS: Role[] = ['service_focal_point', 'case_manager'];
const REFERRERS: Role[] = ['frontline_identifier', 'case_manager'];
/** "own": a referral received by the actor's organisation; "other": one it sent (the referrer may not answer for the receiver). */
const receiverStep: Expectation = (role, target) => (target === 'own' ? (RECEIVERS.includes(role) ? 200 : 404) : REFERRERS.includes(role) ? 403 : 404);
/** "own": a referral sent by the actor's organisation; "other": one it received (the receiver may not cancel for the referrer). */
const referrerStep: Expectation = (role, target) => (target === 'own' ? (REFERRERS.includes(role) ? 200 : 404) : RECEIVERS.includes(role) ? 403 : 404);

/**
 * Written out by hand, not derived from the policy code: this is the specification the
 * policies are held to. Every route of the OpenAPI document must appear here.
 * Anonymous callers get 401 on every route except those listed in PUBLIC.
 */
export const EXPECTED: Record<string, Expectation> = {
  'GET /healthz': everyone(),
  'POST /api/auth/login': everyone(401), // reachable without a session; wrong credentials are sent
  'POST /api/auth/login/totp': everyone(401), // reachable without a session; an unknown challenge is sent
  'POST /api/auth/password-reset': everyone(400), // reachable without a session; an unknown link is sent
  'POST /api/auth/logout': everyone(204),
  'GET /api/auth/me': everyone(),
  'GET /api/organisations': everyone(),
  'GET /api/organisations/{id}': everyone(), // the partner list is the directory's backbone
  'GET /api/users': only(['system_admin', 'organisation_admin']),
  'GET /api/users/{id}': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'GET /api/users/{id}/sessions': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'GET /api/roles': only(['system_admin', 'organisation_admin']),
  'GET /api/api-tokens': everyone(), // one's own tokens only
  'GET /api/admin/jobs': only(['system_admin']),
  'GET /api/audit': only(['auditor']),
  'POST /api/commands': everyone(), // each command in the batch is authorised on its own
  'POST /api/commands/organisation.create': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/organisation.update': scoped(['system_admin', 'nrm_coordinator', 'organisation_admin'], ['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/user.create': scoped(['system_admin', 'organisation_admin'], ['system_admin'], 200, 403),
  'POST /api/commands/user.update': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.deactivate': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.reactivate': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.set_locale': everyone(),
  'POST /api/commands/user.change_password': everyone(),
  'POST /api/commands/session.revoke': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.totp_begin': everyone(),
  'POST /api/commands/user.totp_confirm': everyone(),
  'POST /api/commands/user.totp_disable': everyone(),
  'POST /api/commands/api_token.create': only(['system_admin', 'organisation_admin'], 200, 403),
  'POST /api/commands/api_token.revoke': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.totp_reset': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/user.issue_password_reset': scoped(['system_admin', 'organisation_admin'], ['system_admin']),
  'POST /api/commands/role.save': only(['system_admin'], 200, 403),
  'POST /api/commands/role.reset': only(['system_admin'], 200, 403),
  'POST /api/commands/job.retry': only(['system_admin']),
  'GET /api/notifications': everyone(), // one's own only
  'GET /api/notifications/settings': everyone(),
  'POST /api/commands/notification.mark_read': everyone(), // others' ids are ignored, not refused
  'POST /api/commands/notification.settings.update': everyone(),
  // Questionnaires are templates without personal data: every member reads them, coordinators manage them.
  'GET /api/forms': everyone(),
  'GET /api/forms/{id}': everyone(),
  'GET /api/forms/{id}/versions/{version}': everyone(),
  'GET /api/forms/{id}/versions/{version}/xlsform': everyone(),
  'POST /api/forms/{id}/versions/{version}/validate': everyone(), // checks answers, stores nothing
  'POST /api/forms/xlsform': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/form.create': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/form.add_version': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/form.publish_version': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/form.seed_builtin': only(['system_admin', 'nrm_coordinator'], 200, 403),
  // The service directory: every member reads it; focal points keep their own organisation's entries, coordinators all.
  'GET /api/directory/services': everyone(),
  'GET /api/directory/services/{id}': everyone(),
  'GET /api/directory/taxonomies': everyone(),
  'GET /api/directory/coverage': only(['system_admin', 'nrm_coordinator']), // coordinators find the gaps
  'POST /api/commands/taxonomy.seed': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/taxonomy.term_save': only(['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/service.create': scoped(['system_admin', 'nrm_coordinator', 'service_focal_point'], ['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/service.update': scoped(['system_admin', 'nrm_coordinator', 'service_focal_point'], ['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/service.verify': scoped(['system_admin', 'nrm_coordinator', 'service_focal_point'], ['system_admin', 'nrm_coordinator'], 200, 403),
  'POST /api/commands/service.deactivate': scoped(['system_admin', 'nrm_coordinator', 'service_focal_point'], ['system_admin', 'nrm_coordinator'], 200, 403),
  // Import runs the service commands row by row: a focal point's rows of another organisation come back as problems in a 200.
  'POST /api/directory/import': only(['system_admin', 'nrm_coordinator', 'service_focal_point'], 200, 403),
  // The whole directory with confidential addresses: coordinators only.
  'GET /api/directory/export': only(['system_admin', 'nrm_coordinator'], 200, 403),
  // Cases: identifiers and case managers register and read their own organisation's people; nobody reads another's.
  'GET /api/cases': everyone(), // scoped: an empty list for roles that read no case
  'GET /api/cases/{id}': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/cases/duplicate-check': only(['frontline_identifier', 'case_manager']),
  'GET /api/cases/{id}/photo': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/case.set_photo': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/case.register': scoped(['frontline_identifier', 'case_manager'], [], 200, 403),
  'POST /api/commands/consent.record': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/consent.withdraw': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/case.disclose': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/case.request_link': scoped(['frontline_identifier', 'case_manager'], []),
  // The coordinator links duplicates across organisations and reviews every consent override.
  'GET /api/case-links': only(['nrm_coordinator']),
  'GET /api/case-links/{id}': only(['nrm_coordinator']),
  'GET /api/consent-overrides': only(['nrm_coordinator']),
  'POST /api/commands/case.merge': only(['nrm_coordinator'], 200, 403),
  'POST /api/commands/case.dismiss_link': only(['nrm_coordinator'], 200, 403),
  'POST /api/commands/consent.review_override': only(['nrm_coordinator'], 200, 403),
  // Rights of the person: whoever reads the case exports it for the person; only a case manager erases it (a frontline identifier sees the case, so is refused, not shown a 404).
  'GET /api/cases/{id}/export.json': scoped(['frontline_identifier', 'case_manager'], []),
  'GET /api/cases/{id}/export.pdf': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/person.erase': (role, target) => (target === 'own' && role === 'case_manager' ? 200 : target === 'own' && role === 'frontline_identifier' ? 403 : 404),
  // Referral pathways are the national flow chart, without personal data: every member reads them, the coordinator edits them.
  'GET /api/referral-pathways': everyone(),
  'GET /api/referral-pathways/{targetGroup}/diagram.svg': everyone(),
  'POST /api/commands/pathway.save': only(['nrm_coordinator'], 200, 403),
  'POST /api/commands/pathway.reset': only(['nrm_coordinator'], 200, 403),
  // The activity library holds templates without personal data, shared by all: activity officers and the coordinator read and keep it (403 for others);
  // whoever may seed the shipped forms may seed it too.
  'GET /api/activity-library': only(['nrm_coordinator', 'community_engagement_officer'], 200, 403),
  'POST /api/commands/activity_library.save': only(['nrm_coordinator', 'community_engagement_officer'], 200, 403),
  'POST /api/commands/activity_library.archive': only(['nrm_coordinator', 'community_engagement_officer'], 200, 403),
  'POST /api/commands/activity_library.seed_builtin': only(['system_admin', 'nrm_coordinator', 'community_engagement_officer'], 200, 403),
  // Referral statistics are aggregates with small cells hidden: coordinators and analysts only; for anyone else the page does not exist.
  'GET /api/referrals/statistics': only(['nrm_coordinator', 'analyst']),
  // Referrals: the referrer's case readers send and follow them; the receiver's focal points and case managers answer them.
  // A referral's other side is refused (403); anyone on neither side is told it does not exist (404).
  'POST /api/commands/referral.create': scoped(['frontline_identifier', 'case_manager'], []),
  'POST /api/commands/referral.accept': receiverStep,
  'POST /api/commands/referral.decline': receiverStep,
  'POST /api/commands/referral.start': receiverStep,
  'POST /api/commands/referral.complete': receiverStep,
  'POST /api/commands/referral.not_complete': receiverStep,
  'POST /api/commands/referral.cancel': referrerStep,
  'POST /api/commands/referral.record_paper_outcome': referrerStep,
  'GET /api/referrals/inbox': only(['service_focal_point', 'case_manager']),
  'GET /api/referrals/sent': only(['frontline_identifier', 'case_manager']),
  'GET /api/referrals/escalations': only(['nrm_coordinator']),
  // "own": a referral sent by the actor's organisation; "other": one it received.
  'GET /api/referrals/{id}': scoped(['frontline_identifier', 'case_manager'], ['service_focal_point', 'case_manager']),
  'GET /api/referrals/{id}/form.pdf': scoped(['frontline_identifier', 'case_manager'], []),
  'GET /api/cases/{id}/consent-check': scoped(['frontline_identifier', 'case_manager'], []),
  // Community activities: officers run their own organisation's, the coordinator all of them; nobody else sees one (404).
  // "own": an activity run by the actor's organisation; "other": one run by another organisation alone.
  'GET /api/activities': only(['nrm_coordinator', 'community_engagement_officer']),
  'GET /api/activities/{id}': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/participants': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/head-counts': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/evaluations': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/results': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  // Planning for an organisation names it: an officer may not plan for another one (403), the coordinator may.
  'POST /api/commands/activity.create': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator'], 200, 403),
  'POST /api/commands/activity.update': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.update_report_texts': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.confirm': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.hold': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.report': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.cancel': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.add_participant': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.save_participant': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.remove_participant': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.mark_attendance': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.set_head_counts': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.import_attendance': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.record_evaluation': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/commands/activity.delete_evaluation': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  // An activity's documents follow its reading (names in them only for the running organisation); importing a sheet, its managing.
  'GET /api/activities/{id}/report.docx': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/report.pdf': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/attendance-sheet.pdf': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'GET /api/activities/{id}/attendance-template.xlsx': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  'POST /api/activities/{id}/attendance/import': scoped(['nrm_coordinator', 'community_engagement_officer'], ['nrm_coordinator']),
  // The public HSDS API: no session, the same answer for everyone.
  'GET /hsds': everyone(),
  'GET /hsds/services': everyone(),
  'GET /hsds/services/{id}': everyone(),
  'GET /hsds/organizations': everyone(),
  'GET /hsds/organizations/{id}': everyone(),
  'GET /hsds/service_at_locations': everyone(),
  'GET /hsds/service_at_locations/{id}': everyone(),
  'GET /hsds/taxonomies': everyone(),
  'GET /hsds/taxonomies/{id}': everyone(),
  'GET /hsds/taxonomy_terms': everyone(),
  'GET /hsds/taxonomy_terms/{id}': everyone(),
  // The public directory pages and leaflets ("where to find help"): no session, the same answer for everyone.
  'GET /annuaire': everyone(),
  'GET /annuaire/services': everyone(),
  'GET /annuaire/services/{id}': everyone(),
  'GET /annuaire/depliant.pdf': everyone(),
};

export const PUBLIC = new Set([
  'GET /healthz',
  'POST /api/auth/login',
  'POST /api/auth/login/totp',
  'POST /api/auth/password-reset',
  'GET /hsds',
  'GET /hsds/services',
  'GET /hsds/services/{id}',
  'GET /hsds/organizations',
  'GET /hsds/organizations/{id}',
  'GET /hsds/service_at_locations',
  'GET /hsds/service_at_locations/{id}',
  'GET /hsds/taxonomies',
  'GET /hsds/taxonomies/{id}',
  'GET /hsds/taxonomy_terms',
  'GET /hsds/taxonomy_terms/{id}',
  'GET /annuaire',
  'GET /annuaire/services',
  'GET /annuaire/services/{id}',
  'GET /annuaire/depliant.pdf',
]);
