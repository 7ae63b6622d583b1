import { v4 as uuidv4 } from 'uuid';
import { totpCodeAt } from '../../../src/server/identity/totp.ts';
import { TEST_PASSWORD } from '../../support/app.ts';
import { tinyDefinition } from '../../forms/access-fixture.ts';
import { buildXlsForm } from '../../fixtures/xlsforms/build.ts';
import { satisfactionSurvey } from '../../fixtures/xlsforms/forms.ts';
import type { Target } from './expectations.ts';
import type { MatrixFixture } from './fixture.ts';
import { SERVICE_TYPES, TARGET_GROUPS, taxonomyId, termId } from '../../../src/domain/directory/taxonomy.ts';
import type { SheetHeader } from '../../../src/server/activities/documents/attendance-sheet-pdf.ts';
import type { ReportParticipant } from '../../../src/server/activities/documents/report-data.ts';
import { writeAttendanceWorkbook } from '../../../src/server/activities/documents/attendance-workbook.ts';

export interface BuiltRequest {
  url: string;
  payload?: unknown;
}

type Builder = (target: Target, f: MatrixFixture, actorUserId: string) => Promise<BuiltRequest>;

const command = (name: string, input: unknown): BuiltRequest => ({ url: `/api/commands/${name}`, payload: { id: uuidv4(), input } });

/** The current code of the actor's second factor, put in the given state first (anonymous: any code). */
const totpCode = async (f: MatrixFixture, actorUserId: string, state: 'pending' | 'enabled') => {
  const secret = actorUserId ? await f.setTotp(actorUserId, state) : null;
  return secret ? totpCodeAt(secret, new Date()) : '000000';
};

/** How to call each route about a record of the actor's own organisation, or of another. */
/** A 1×1 transparent PNG. */
export const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Receiver steps act on a referral *to* the target organisation, i.e. sent from the opposite one. */
const opposite = (t: Target): Target => (t === 'own' ? 'other' : 'own');

const caseConsent = () => ({ layer: 'disclosure', decision: 'granted', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 1000).toISOString() });

export const REQUESTS: Record<string, Builder> = {
  'GET /healthz': async () => ({ url: '/healthz' }),
  'POST /api/auth/login': async () => ({ url: '/api/auth/login', payload: { email: `nobody-${uuidv4()}@example.org`, password: 'not the password at all' } }),
  'POST /api/auth/login/totp': async () => ({ url: '/api/auth/login/totp', payload: { challenge: 'no-such-challenge', code: '123456' } }),
  'POST /api/auth/password-reset': async () => ({ url: '/api/auth/password-reset', payload: { token: 'no-such-reset-link', password: 'une phrase de passe assez longue' } }),
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout' }),
  'GET /api/auth/me': async () => ({ url: '/api/auth/me' }),
  'GET /api/organisations': async () => ({ url: '/api/organisations' }),
  'GET /api/organisations/{id}': async (t, f) => ({ url: `/api/organisations/${f.organisations[t]}` }),
  'GET /api/users': async () => ({ url: '/api/users' }),
  'GET /api/users/{id}': async (t, f) => ({ url: `/api/users/${await f.newTargetUser(t)}` }),
  'GET /api/users/{id}/sessions': async (t, f) => {
    const userId = await f.newTargetUser(t);
    await f.newSessionOf(userId);
    return { url: `/api/users/${userId}/sessions` };
  },
  'GET /api/roles': async () => ({ url: '/api/roles' }),
  'GET /api/api-tokens': async () => ({ url: '/api/api-tokens' }),
  'GET /api/admin/jobs': async () => ({ url: '/api/admin/jobs' }),
  'GET /api/audit': async () => ({ url: '/api/audit' }),
  'POST /api/commands': async (t, f) => ({
    url: '/api/commands',
    payload: { commands: [{ id: uuidv4(), name: 'user.set_locale', input: { locale: 'fr' } }, { id: uuidv4(), name: 'organisation.update', input: { organisationId: f.organisations[t], name: 'Nom corrigé' } }] },
  }),
  'POST /api/commands/organisation.create': async () => command('organisation.create', { organisationId: uuidv4(), name: 'Nouvelle organisation', type: 'ngo', country: 'ML', regionPcodes: [] }),
  'POST /api/commands/organisation.update': async (t, f) => command('organisation.update', { organisationId: f.organisations[t], acronym: 'OX' }),
  'POST /api/commands/user.create': async (t, f) =>
    command('user.create', { userId: uuidv4(), email: `new-${uuidv4()}@example.org`, displayName: 'Nouveau Compte', password: TEST_PASSWORD, organisationId: f.organisations[t], roles: ['case_manager'] }),
  'POST /api/commands/user.update': async (t, f) => command('user.update', { userId: await f.newTargetUser(t), roles: ['service_focal_point'] }),
  'POST /api/commands/user.deactivate': async (t, f) => command('user.deactivate', { userId: await f.newTargetUser(t) }),
  'POST /api/commands/user.reactivate': async (t, f) => command('user.reactivate', { userId: await f.newTargetUser(t) }),
  'POST /api/commands/user.set_locale': async () => command('user.set_locale', { locale: 'bm' }),
  'POST /api/commands/user.change_password': async () => command('user.change_password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  'POST /api/commands/session.revoke': async (t, f) => command('session.revoke', { sessionId: (await f.newSessionOf(await f.newTargetUser(t))).sessionId }),
  'POST /api/commands/user.totp_begin': async (_t, f, actor) => {
    if (actor) await f.setTotp(actor, 'none');
    return command('user.totp_begin', {});
  },
  'POST /api/commands/user.totp_confirm': async (_t, f, actor) => command('user.totp_confirm', { code: await totpCode(f, actor, 'pending') }),
  'POST /api/commands/user.totp_disable': async (_t, f, actor) => command('user.totp_disable', { code: await totpCode(f, actor, 'enabled') }),
  'POST /api/commands/api_token.create': async () => command('api_token.create', { tokenId: uuidv4(), name: 'Export mensuel', scopes: [] }),
  'POST /api/commands/api_token.revoke': async (t, f) => command('api_token.revoke', { tokenId: await f.newApiTokenOf(await f.newTargetUser(t)) }),
  'POST /api/commands/user.totp_reset': async (t, f) => {
    const userId = await f.newTargetUser(t);
    await f.setTotp(userId, 'enabled');
    return command('user.totp_reset', { userId });
  },
  'POST /api/commands/user.issue_password_reset': async (t, f) => command('user.issue_password_reset', { userId: await f.newTargetUser(t) }),
  'POST /api/commands/role.save': async () => command('role.save', { key: `custom_${uuidv4().slice(0, 8)}`, label: 'Point focal régional', permissions: ['organisation.update:own'] }),
  'POST /api/commands/role.reset': async () => command('role.reset', { key: 'case_manager' }),
  'POST /api/commands/job.retry': async (_t, f) => command('job.retry', { jobId: await f.newDeadJob() }),
  'GET /api/notifications': async () => ({ url: '/api/notifications?unread=true&perPage=1' }),
  'GET /api/notifications/settings': async () => ({ url: '/api/notifications/settings' }),
  'POST /api/commands/notification.mark_read': async () => command('notification.mark_read', { all: true }),
  'POST /api/commands/notification.settings.update': async () => command('notification.settings.update', { email: false, smsPhone: '+223 70 11 22 33' }),
  'GET /api/forms': async () => ({ url: '/api/forms' }),
  'GET /api/forms/{id}': async (_t, f) => ({ url: `/api/forms/${(await f.newForm()).formId}` }),
  'GET /api/forms/{id}/versions/{version}': async (_t, f) => ({ url: `/api/forms/${(await f.newForm()).formId}/versions/1` }),
  'GET /api/forms/{id}/versions/{version}/xlsform': async (_t, f) => ({ url: `/api/forms/${(await f.newForm()).formId}/versions/1/xlsform` }),
  'POST /api/forms/{id}/versions/{version}/validate': async (_t, f) => ({ url: `/api/forms/${(await f.newForm()).formId}/versions/1/validate`, payload: { answers: { age: 12, school: 'yes' } } }),
  'POST /api/forms/xlsform': async () => ({ url: '/api/forms/xlsform', payload: { file: Buffer.from(await buildXlsForm(satisfactionSurvey)).toString('base64'), fileName: 'satisfaction.xlsx' } }),
  'POST /api/commands/form.create': async () => command('form.create', { formId: uuidv4(), definition: tinyDefinition() }),
  'POST /api/commands/form.add_version': async (_t, f) => {
    const { formId, formKey } = await f.newForm();
    return command('form.add_version', { formId, definition: tinyDefinition(formKey) });
  },
  'POST /api/commands/form.publish_version': async (_t, f) => command('form.publish_version', { formId: (await f.newForm()).formId, version: 1 }),
  'GET /api/cases': async () => ({ url: '/api/cases' }),
  'GET /api/cases/{id}': async (t, f) => ({ url: `/api/cases/${await f.newCase(t)}` }),
  'POST /api/cases/duplicate-check': async () => ({ url: '/api/cases/duplicate-check', payload: { identity: { givenName: 'Mariam', familyName: 'Sidibé', dateOfBirth: '1995' }, stats: { sex: 'female' } } }),
  'GET /api/cases/{id}/photo': async (t, f) => {
    const caseId = await f.newCase(t);
    await f.setPhoto(caseId);
    return { url: `/api/cases/${caseId}/photo` };
  },
  'POST /api/commands/case.set_photo': async (t, f) => command('case.set_photo', { caseId: await f.newCase(t), photo: { contentType: 'image/png', data: TINY_PNG } }),
  'POST /api/commands/case.register': async (t, f) =>
    command('case.register', {
      caseId: uuidv4(),
      organisationId: f.organisations[t],
      regionPcode: 'ML01',
      identity: { givenName: 'Kadia', familyName: 'Coulibaly', dateOfBirth: '1990' },
      stats: { sex: 'female' },
      consents: [{ layer: 'services', decision: 'granted', givenBy: 'self', language: 'fr', givenAt: new Date(Date.now() - 1000).toISOString() }],
    }),
  'POST /api/commands/consent.record': async (t, f) => command('consent.record', { caseId: await f.newCase(t), consentId: uuidv4(), consent: caseConsent() }),
  'POST /api/commands/consent.withdraw': async (t, f) => {
    const caseId = await f.newCase(t);
    const consentId = uuidv4();
    await f.addConsent(caseId, consentId);
    return command('consent.withdraw', { caseId, consentId });
  },
  'POST /api/commands/case.disclose': async (t, f) => command('case.disclose', { caseId: await f.newCase(t), toOrganisationId: f.organisations[t === 'own' ? 'other' : 'own'], fields: ['caseCode', 'ageBand'] }),
  'POST /api/commands/case.request_link': async (t, f, actorUserId) => {
    const caseId = await f.newCase(t);
    const other = await f.newCase(t === 'own' ? 'other' : 'own');
    return command('case.request_link', { caseId, token: f.matchToken(actorUserId, other) });
  },
  'GET /api/case-links': async () => ({ url: '/api/case-links' }),
  'GET /api/case-links/{id}': async (_t, f) => ({ url: `/api/case-links/${await f.newLinkRequest()}` }),
  'GET /api/consent-overrides': async () => ({ url: '/api/consent-overrides' }),
  'POST /api/commands/case.merge': async (_t, f) => command('case.merge', { linkRequestId: await f.newLinkRequest(), keep: 'requesting' }),
  'POST /api/commands/case.dismiss_link': async (_t, f) => command('case.dismiss_link', { linkRequestId: await f.newLinkRequest() }),
  'POST /api/commands/consent.review_override': async (t, f) => command('consent.review_override', { overrideId: await f.newConsentOverride(t) }),
  'GET /api/cases/{id}/export.json': async (t, f) => ({ url: `/api/cases/${await f.newCase(t)}/export.json` }),
  'GET /api/cases/{id}/export.pdf': async (t, f) => ({ url: `/api/cases/${await f.newCase(t)}/export.pdf?lang=bm` }),
  'POST /api/commands/person.erase': async (t, f) => command('person.erase', { caseId: await f.newCase(t), reason: 'request' }),
  'POST /api/commands/form.seed_builtin': async () => command('form.seed_builtin', {}),
  'GET /api/directory/services': async (_t, f) => {
    await f.newService('own');
    return { url: '/api/directory/services?q=service&serviceType=shelter&region=ML01' };
  },
  'GET /api/directory/services/{id}': async (t, f) => ({ url: `/api/directory/services/${(await f.newService(t)).serviceId}` }),
  'GET /api/directory/taxonomies': async () => ({ url: '/api/directory/taxonomies' }),
  'GET /api/directory/coverage': async (_t, f) => {
    await f.newService('own');
    return { url: '/api/directory/coverage' };
  },
  'POST /api/commands/taxonomy.seed': async () => command('taxonomy.seed', {}),
  'POST /api/commands/taxonomy.term_save': async (_t, f) => {
    await f.newService('own');
    const label = { fr: 'Soutien scolaire', en: 'School support', bm: 'Kalan dɛmɛ' };
    return command('taxonomy.term_save', { taxonomy: 'nrm_service_types', code: `custom_${uuidv4().slice(0, 8)}`, parent: 'education', name: label, description: label });
  },
  'GET /api/referral-pathways': async () => ({ url: '/api/referral-pathways' }),
  'GET /api/referral-pathways/{targetGroup}/diagram.svg': async () => ({ url: '/api/referral-pathways/returnee/diagram.svg?lang=bm&region=ML01' }),
  // A target group with no stored pathway per organisation side, so the coordinator's one save on each starts from version 0.
  'POST /api/commands/pathway.save': async (t, f) => {
    await f.newService('own');
    return command('pathway.save', { targetGroup: t === 'own' ? 'child' : 'woman', steps: [{ serviceType: 'shelter', timing: 'immediate', responsible: [{ admin1Pcode: 'ML01', organisationIds: [f.organisations[t]] }] }], expectedVersion: 0 });
  },
  'POST /api/commands/pathway.reset': async () => command('pathway.reset', { targetGroup: 'returnee' }),
  'GET /api/activity-library': async () => ({ url: '/api/activity-library?kind=theme&archived=true' }),
  'POST /api/commands/activity_library.save': async () => command('activity_library.save', { title: { fr: 'Rôle des chefs de quartier (démo)', bm: 'Kinnɛ kuntigiw ka jɔyɔrɔ' }, content: { kind: 'exercise', exerciseType: 'role_play', materials: ['Fiches'] }, audiences: ['community_leaders'] }),
  'POST /api/commands/activity_library.archive': async (_t, f) => command('activity_library.archive', { itemId: await f.newLibraryItem(), archived: true }),
  'POST /api/commands/activity_library.seed_builtin': async () => command('activity_library.seed_builtin', {}),
  'POST /api/commands/referral.create': async (t, f) => command('referral.create', { referralId: uuidv4(), caseId: await f.newCase(t), serviceId: (await f.newService(t === 'own' ? 'other' : 'own')).serviceId, serviceType: 'shelter', urgency: 'normal', reason: 'Hébergement (démo).' }),
  'POST /api/commands/referral.accept': async (t, f) => command('referral.accept', { referralId: await f.newReferral(opposite(t)) }),
  'POST /api/commands/referral.decline': async (t, f) => command('referral.decline', { referralId: await f.newReferral(opposite(t)), note: 'Plus de place (démo).' }),
  'POST /api/commands/referral.start': async (t, f) => command('referral.start', { referralId: await f.newReferral(opposite(t), { state: 'accepted' }) }),
  'POST /api/commands/referral.complete': async (t, f) => command('referral.complete', { referralId: await f.newReferral(opposite(t), { state: 'accepted' }) }),
  'POST /api/commands/referral.not_complete': async (t, f) => command('referral.not_complete', { referralId: await f.newReferral(opposite(t), { state: 'accepted' }), note: 'Personne partie (démo).' }),
  'POST /api/commands/referral.cancel': async (t, f) => command('referral.cancel', { referralId: await f.newReferral(t), note: 'Plus nécessaire (démo).' }),
  'POST /api/commands/referral.record_paper_outcome': async (t, f) => command('referral.record_paper_outcome', { referralId: await f.newReferral(t, { onPaper: true }), outcome: 'completed' }),
  'GET /api/referrals/inbox': async () => ({ url: '/api/referrals/inbox?view=open' }),
  'GET /api/referrals/sent': async () => ({ url: '/api/referrals/sent?view=open' }),
  'GET /api/referrals/escalations': async () => ({ url: '/api/referrals/escalations' }),
  'GET /api/referrals/{id}': async (t, f) => ({ url: `/api/referrals/${await f.newReferral(t)}` }),
  'GET /api/referrals/{id}/form.pdf': async (t, f) => ({ url: `/api/referrals/${await f.newReferral(t, { onPaper: true })}/form.pdf?lang=fr` }),
  'GET /api/cases/{id}/consent-check': async (t, f) => ({ url: `/api/cases/${await f.newCase(t)}/consent-check?organisationId=${f.organisations[opposite(t)]}&serviceType=shelter` }),
  'GET /api/referrals/statistics': async () => ({ url: '/api/referrals/statistics?dimension=regionPcode&from=2026-01-01&to=2026-12-31' }),
  'POST /api/commands/service.create': async (t, f) => {
    const { input } = await f.newService('own');
    return command('service.create', { ...input, serviceId: uuidv4(), locations: [], organisationId: f.organisations[t] });
  },
  'POST /api/commands/service.update': async (t, f) => {
    const { input } = await f.newService(t);
    return command('service.update', { ...input, name: 'Nom corrigé (démo)' });
  },
  'POST /api/commands/service.verify': async (t, f) => command('service.verify', { serviceId: (await f.newService(t)).serviceId }),
  'POST /api/commands/service.deactivate': async (t, f) => command('service.deactivate', { serviceId: (await f.newService(t)).serviceId }),
  'POST /api/directory/import': async (t, f) => {
    await f.newService('own');
    const id = uuidv4();
    const service = { id, organization_id: f.organisations[t], name: 'Service importé (démo)', status: 'active', attributes: [{ id: uuidv4(), link_id: id, link_entity: 'service', link_type: 'service_type', taxonomy_term_id: termId(SERVICE_TYPES.key, 'food') }] };
    return { url: '/api/directory/import', payload: { file: Buffer.from(JSON.stringify([service])).toString('base64'), fileName: 'annuaire.json' } };
  },
  'GET /api/directory/export': async (_t, f) => {
    await f.newService('own');
    return { url: '/api/directory/export?format=hsds-json' };
  },
  'GET /api/activities': async () => ({ url: '/api/activities?view=all' }),
  'GET /api/activities/{id}': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t)).activityId}` }),
  'GET /api/activities/{id}/participants': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/participants` }),
  'GET /api/activities/{id}/head-counts': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed', mode: 'anonymous' })).activityId}/head-counts` }),
  'GET /api/activities/{id}/evaluations': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/evaluations` }),
  'GET /api/activities/{id}/results': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/results?lang=bm` }),
  'POST /api/commands/activity.create': async (t, f) =>
    command('activity.create', {
      organisationId: f.organisations[t],
      activity: { type: 'training', title: 'Formation (démo)', objectives: ['Former'], audiences: ['security_forces'], locationPcode: 'ML01', startDate: '2026-12-01', endDate: '2026-12-01', organiserOrganisationIds: [f.organisations[t]] },
    }),
  'POST /api/commands/activity.update': async (t, f) => {
    const { activityId, version } = await f.newActivity(t);
    const activity = { type: 'training', title: 'Formation (démo)', objectives: ['Former'], audiences: ['security_forces'], locationPcode: 'ML01', startDate: '2026-12-01', endDate: '2026-12-02', organiserOrganisationIds: [f.organisations[t]] };
    return command('activity.update', { activityId, expectedVersion: version, activity, attendanceMode: 'named', knowledgeTestFormKey: null, satisfactionFormKey: null });
  },
  'POST /api/commands/activity.update_report_texts': async (t, f) => {
    const { activityId, version } = await f.newActivity(t, { state: 'held' });
    return command('activity.update_report_texts', { activityId, expectedVersion: version, summary: 'Résumé (démo).', recommendations: '' });
  },
  'POST /api/commands/activity.confirm': async (t, f) => command('activity.confirm', { activityId: (await f.newActivity(t)).activityId, expectedVersion: 1 }),
  'POST /api/commands/activity.hold': async (t, f) => {
    const { activityId, version } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.hold', { activityId, expectedVersion: version });
  },
  'POST /api/commands/activity.report': async (t, f) => {
    const { activityId, version } = await f.newActivity(t, { state: 'held' });
    return command('activity.report', { activityId, expectedVersion: version });
  },
  'POST /api/commands/activity.cancel': async (t, f) => command('activity.cancel', { activityId: (await f.newActivity(t)).activityId, expectedVersion: 1, reason: 'Reporté (démo).' }),
  'POST /api/commands/activity.add_participant': async (t, f) =>
    command('activity.add_participant', { activityId: (await f.newActivity(t, { state: 'confirmed' })).activityId, sex: 'male', ageBand: '60+', category: 'religious_leaders', consentToBeNamed: true, name: 'Imam Démo', days: [1] }),
  'POST /api/commands/activity.save_participant': async (t, f) => {
    const { activityId, participantCode } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.save_participant', { activityId, participant: { participantCode, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, days: [1, 2] } });
  },
  'POST /api/commands/activity.remove_participant': async (t, f) => {
    const { activityId, participantCode } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.remove_participant', { activityId, participantCode });
  },
  'POST /api/commands/activity.mark_attendance': async (t, f) => {
    const { activityId, participantCode } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.mark_attendance', { activityId, day: 2, presentCodes: [participantCode] });
  },
  'POST /api/commands/activity.set_head_counts': async (t, f) =>
    command('activity.set_head_counts', { activityId: (await f.newActivity(t, { state: 'confirmed', mode: 'anonymous' })).activityId, counts: [{ day: 1, sex: 'male', ageBand: '25-59', category: 'security_forces', count: 12 }] }),
  'POST /api/commands/activity.import_attendance': async (t, f) => {
    const { activityId, participantCode } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.import_attendance', { activityId, participants: [{ participantCode, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, days: [1, 2] }] });
  },
  'POST /api/commands/activity.record_evaluation': async (t, f) =>
    command('activity.record_evaluation', { activityId: (await f.newActivity(t, { state: 'confirmed' })).activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, answers: { useful: 'no' }, source: 'online' }),
  'POST /api/commands/activity.delete_evaluation': async (t, f) => {
    const { activityId, evaluationId } = await f.newActivity(t, { state: 'confirmed' });
    return command('activity.delete_evaluation', { activityId, evaluationId });
  },
  'GET /api/activities/{id}/report.docx': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/report.docx` }),
  'GET /api/activities/{id}/report.pdf': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/report.pdf?lang=bm` }),
  'GET /api/activities/{id}/attendance-sheet.pdf': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/attendance-sheet.pdf?rows=3` }),
  'GET /api/activities/{id}/attendance-template.xlsx': async (t, f) => ({ url: `/api/activities/${(await f.newActivity(t, { state: 'confirmed' })).activityId}/attendance-template.xlsx?lang=en` }),
  // The body is the file itself (no JSON): the workbook re-imports the fixture's participant.
  'POST /api/activities/{id}/attendance/import': async (t, f) => {
    const { activityId, participantCode } = await f.newActivity(t, { state: 'confirmed' });
    const participant: ReportParticipant = { participantCode, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, name: null, days: [1, 2] };
    const header: SheetHeader = { type: 'forum', title: 'Forum (démo)', startDate: '2026-12-01', endDate: '2026-12-02', days: 2, venue: null, regionName: null, locationPcode: 'ML01', organisers: [] };
    return { url: `/api/activities/${activityId}/attendance/import?commandId=${uuidv4()}`, payload: await writeAttendanceWorkbook(header, [{ participantCode, registered: participant }], 'fr') };
  },
  'GET /hsds': async () => ({ url: '/hsds/' }),
  'GET /hsds/services': async (_t, f) => {
    await f.newService('own');
    return { url: `/hsds/services?search=service&taxonomy_term_id=${termId(SERVICE_TYPES.key, 'shelter')}` };
  },
  'GET /hsds/services/{id}': async (t, f) => ({ url: `/hsds/services/${(await f.newService(t)).serviceId}` }),
  'GET /hsds/organizations': async () => ({ url: '/hsds/organizations' }),
  'GET /hsds/organizations/{id}': async (t, f) => {
    await f.newService(t);
    return { url: `/hsds/organizations/${f.organisations[t]}` };
  },
  'GET /hsds/service_at_locations': async () => ({ url: '/hsds/service_at_locations' }),
  'GET /hsds/service_at_locations/{id}': async (t, f) => ({ url: `/hsds/service_at_locations/${(await f.newService(t)).serviceAtLocationId}` }),
  'GET /hsds/taxonomies': async () => ({ url: '/hsds/taxonomies' }),
  'GET /hsds/taxonomies/{id}': async (_t, f) => {
    await f.newService('own');
    return { url: `/hsds/taxonomies/${taxonomyId(TARGET_GROUPS.key)}` };
  },
  'GET /hsds/taxonomy_terms': async () => ({ url: '/hsds/taxonomy_terms?top_only=true' }),
  'GET /hsds/taxonomy_terms/{id}': async (_t, f) => {
    await f.newService('own');
    return { url: `/hsds/taxonomy_terms/${termId(TARGET_GROUPS.key, 'returnee')}` };
  },
  'GET /annuaire': async () => ({ url: '/annuaire?lang=bm' }),
  'GET /annuaire/services': async (_t, f) => {
    await f.newService('own');
    return { url: '/annuaire/services?region=ML01&need=shelter' };
  },
  'GET /annuaire/services/{id}': async (t, f) => ({ url: `/annuaire/services/${(await f.newService(t)).serviceId}?region=ML01` }),
  'GET /annuaire/depliant.pdf': async (_t, f) => {
    await f.newService('own');
    return { url: '/annuaire/depliant.pdf?region=ML01&format=a5' };
  },
};
