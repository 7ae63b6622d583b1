import { v4 as uuidv4 } from 'uuid';
import { ROLES, type Role } from '../../../src/domain/identity/roles.ts';
import { newApiToken } from '../../../src/server/identity/api-tokens.ts';
import { createSession } from '../../../src/server/identity/sessions.ts';
import { newTotpSecret, totpSecretContext } from '../../../src/server/identity/totp.ts';
import { enqueueJob } from '../../../src/server/jobs/queue.ts';
import { activities, apiTokens, caseLinkRequests, consentOverrides, consents, jobs, userTotp } from '../../../src/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { TEST_PASSWORD, type TestApp, systemCommand } from '../../support/app.ts';
import { tinyDefinition } from '../../forms/access-fixture.ts';
import { childId } from '../../../src/server/directory/write.ts';
import { issueMatchToken } from '../../../src/server/cases/links.ts';
import type { Target } from './expectations.ts';
import { TINY_PNG } from './requests.ts';

export interface MatrixFixture {
  organisations: Record<Target, string>;
  /** One account per default role, all in the "own" organisation. */
  actors: Record<Role, string>;
  /** People the requests are about, so names and emails can be looked for in answers. */
  personal: { emails: string[]; names: string[] };
  newTargetUser(target: Target): Promise<string>;
  newSessionOf(userId: string): Promise<{ cookie: string; csrf: string; sessionId: string }>;
  newDeadJob(): Promise<string>;
  /** Puts an account's second factor in a known state; returns the secret (base32) if any. */
  setTotp(userId: string, state: 'none' | 'pending' | 'enabled'): Promise<string | null>;
  newApiTokenOf(userId: string): Promise<string>;
  /** A questionnaire with one draft version (forms are not scoped to an organisation). */
  newForm(): Promise<{ formId: string; formKey: string }>;
  /** A public directory service of the organisation, at one public place (taxonomy seeded first). */
  newService(target: Target): Promise<{ serviceId: string; serviceAtLocationId: string; input: Record<string, unknown> }>;
  /** A registered person of the organisation, who consented to services and to disclosure to any partner. */
  newCase(target: Target): Promise<string>;
  /** Gives a case a photo (through the command, as the system). */
  setPhoto(caseId: string): Promise<void>;
  /** A consent decision added to a case, to be withdrawn. */
  addConsent(caseId: string, consentId: string): Promise<void>;
  /** What a duplicate check would hand this user about that case. */
  matchToken(userId: string, caseId: string): string;
  /** A pending request to link a case of each organisation. */
  newLinkRequest(): Promise<string>;
  /** A consent override on a case of the organisation, not yet reviewed. */
  newConsentOverride(target: Target): Promise<string>;
  /** A referral of a case of `from` to a shelter of the other organisation, answered as far as `state`. */
  newReferral(from: Target, options?: { state?: 'sent' | 'accepted'; onPaper?: boolean }): Promise<string>;
  /** A community activity run by the organisation (a published satisfaction survey attached), taken as far as `state`, with what the activity commands need. */
  newActivity(target: Target, options?: { state?: 'planned' | 'confirmed' | 'held'; mode?: 'named' | 'anonymous' }): Promise<{ activityId: string; version: number; participantCode: string; evaluationId: string | null }>;
  /** A theme added to the activity library (the library is shared by every organisation). */
  newLibraryItem(): Promise<string>;
}

const timeouts = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export async function buildFixture(t: TestApp): Promise<MatrixFixture> {
  const organisations = { own: uuidv4(), other: uuidv4() };
  await systemCommand(t, 'organisation.create', { organisationId: organisations.own, name: 'Organisation A (démo)', type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
  await systemCommand(t, 'organisation.create', { organisationId: organisations.other, name: 'Organisation B (démo)', type: 'government', country: 'BF', regionPcodes: ['BF13'] });
  const personal = { emails: [] as string[], names: [] as string[] };
  const actors = {} as Record<Role, string>;
  for (const role of ROLES) {
    const userId = uuidv4();
    await systemCommand(t, 'user.create', { userId, email: `${role}@a.example.org`, displayName: `Acteur ${role}`, password: TEST_PASSWORD, organisationId: organisations.own, roles: [role] });
    actors[role] = userId;
  }
  let n = 0;
  let activityFormReady = false;
  const fixture: MatrixFixture = {
    organisations,
    actors,
    personal,
    async newTargetUser(target) {
      const userId = uuidv4();
      const email = `target-${++n}-${target}@example.org`;
      const displayName = `Personne Cible ${n}`;
      personal.emails.push(email);
      personal.names.push(displayName);
      await systemCommand(t, 'user.create', { userId, email, displayName, password: TEST_PASSWORD, organisationId: organisations[target], roles: ['case_manager'] });
      return userId;
    },
    async newSessionOf(userId) {
      const { id, token, csrfToken } = await createSession(t.database.db, userId, timeouts);
      return { cookie: `sira_session=${token}`, csrf: csrfToken, sessionId: id };
    },
    async setTotp(userId, state) {
      await t.database.db.delete(userTotp).where(eq(userTotp.userId, userId));
      if (state === 'none') return null;
      const secret = newTotpSecret();
      const sealed = t.secrets.seal(secret, totpSecretContext(userId));
      const now = new Date();
      await t.database.db
        .insert(userTotp)
        .values(state === 'pending' ? { userId, pendingSecret: sealed, pendingSince: now, updatedAt: now } : { userId, secret: sealed, enabledAt: now, updatedAt: now });
      return secret;
    },
    async newApiTokenOf(userId) {
      const id = uuidv4();
      await t.database.db.insert(apiTokens).values({ id, userId, name: 'Intégration de test', tokenHash: newApiToken().tokenHash, scopes: [], createdAt: new Date() });
      return id;
    },
    async newForm() {
      const formId = uuidv4();
      const definition = tinyDefinition();
      await systemCommand(t, 'form.create', { formId, definition });
      return { formId, formKey: definition.formId };
    },
    async newService(target) {
      await systemCommand(t, 'taxonomy.seed', {});
      const serviceId = uuidv4();
      const locationId = uuidv4();
      const input = {
        serviceId,
        name: `Service ${target} (démo)`,
        serviceTypes: ['shelter'],
        targetGroups: ['returnee'],
        languages: ['fr', 'bm'],
        costs: [{ kind: 'free' }],
        phones: [{ number: '+223 00 00 00 00' }],
        coverage: ['ML01'],
        locations: [{ id: locationId, admin1Pcode: 'ML01', address: { address1: 'Rue 1', city: 'Kayes', country: 'ML' } }],
      };
      await systemCommand(t, 'service.create', { ...input, organisationId: organisations[target] });
      return { serviceId, serviceAtLocationId: childId(serviceId, 'service_at_location', locationId), input };
    },
    async newCase(target) {
      const caseId = uuidv4();
      const givenName = `Mariam${++n}`;
      personal.names.push(givenName);
      const consentOf = (layer: string) => ({ layer, decision: 'granted', givenBy: 'self', language: 'bm', givenAt: new Date(Date.now() - 60_000).toISOString() });
      await systemCommand(t, 'case.register', {
        caseId,
        organisationId: organisations[target],
        regionPcode: target === 'own' ? 'ML01' : 'BF13',
        identity: { givenName, familyName: 'Sidibé', dateOfBirth: '1995' },
        stats: { sex: 'female' },
        consents: [consentOf('services'), consentOf('disclosure')],
      });
      return caseId;
    },
    async setPhoto(caseId) {
      await systemCommand(t, 'case.set_photo', { caseId, photo: { contentType: 'image/png', data: TINY_PNG } });
    },
    async addConsent(caseId, consentId) {
      await t.database.db.insert(consents).values({ id: consentId, caseId, layer: 'reporting', decision: 'granted', givenBy: 'self', childAssent: 'not_applicable', language: 'fr', givenAt: new Date(), recordedAt: new Date() });
    },
    matchToken(userId, caseId) {
      return issueMatchToken(t.secrets, userId, { caseId, score: 14 }, new Date());
    },
    async newLinkRequest() {
      const id = uuidv4();
      const [caseId, otherCaseId] = [await fixture.newCase('own'), await fixture.newCase('other')];
      await t.database.db.insert(caseLinkRequests).values({ id, caseId, otherCaseId, score: 14, requestedAt: new Date() });
      return id;
    },
    async newConsentOverride(target) {
      const id = uuidv4();
      const caseId = await fixture.newCase(target);
      await t.database.db.insert(consentOverrides).values({ id, caseId, organisationId: organisations[target], toOrganisationId: organisations[target === 'own' ? 'other' : 'own'], overriddenAt: new Date() });
      return id;
    },
    async newReferral(from, options = {}) {
      const to: Target = from === 'own' ? 'other' : 'own';
      const caseId = await fixture.newCase(from);
      const { serviceId } = await fixture.newService(to);
      const referralId = uuidv4();
      const created = await systemCommand(t, 'referral.create', { referralId, caseId, serviceId, serviceType: 'shelter', urgency: 'urgent', reason: 'Hébergement sûr (démo).', onPaper: options.onPaper ?? false });
      if (created.status !== 'applied') throw new Error('referral.create failed in the fixture');
      if (options.state === 'accepted') await systemCommand(t, 'referral.accept', { referralId });
      return referralId;
    },
    async newActivity(target, options = {}) {
      const satisfactionFormKey = 'access_activity_satisfaction';
      if (!activityFormReady) {
        const formId = uuidv4();
        const definition = { ...tinyDefinition(satisfactionFormKey), children: [{ kind: 'question' as const, name: 'useful', type: 'select_one' as const, listName: 'yes_no', label: { fr: 'Utile ?' } }] };
        await systemCommand(t, 'form.create', { formId, definition });
        await systemCommand(t, 'form.publish_version', { formId, version: 1 });
        activityFormReady = true;
      }
      const activity = {
        type: 'forum',
        title: 'Forum communautaire (démo)',
        objectives: ['Faire connaître le référencement'],
        audiences: ['community_leaders'],
        locationPcode: 'ML01',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        organiserOrganisationIds: [organisations[target]],
      };
      const run = async (name: string, input: Record<string, unknown>) => {
        const outcome = await systemCommand(t, name, input);
        if (outcome.status !== 'applied') throw new Error(`${name} failed in the fixture`);
        return outcome.result as Record<string, unknown>;
      };
      const mode = options.mode ?? 'named';
      const created = await run('activity.create', { activity, organisationId: organisations[target], attendanceMode: mode, satisfactionFormKey });
      const activityId = created.activityId as string;
      let version = created.version as number;
      const state = options.state ?? 'planned';
      for (const event of state === 'planned' ? [] : state === 'confirmed' ? ['confirm'] : ['confirm', 'hold']) {
        version = (await run(`activity.${event}`, { activityId, expectedVersion: version })).version as number;
      }
      let participantCode = 'P-0000-00';
      let evaluationId: string | null = null;
      if (state !== 'planned') {
        if (mode === 'named') participantCode = (await run('activity.add_participant', { activityId, sex: 'female', ageBand: '25-59', category: 'women', consentToBeNamed: false, days: [1] })).participantCode as string;
        evaluationId = (await run('activity.record_evaluation', { activityId, kind: 'satisfaction', participantCode: null, formVersion: 1, answers: { useful: 'yes' }, source: 'paper' })).evaluationId as string;
        const [row] = await t.database.db.select({ version: activities.version }).from(activities).where(eq(activities.id, activityId));
        version = row!.version;
      }
      return { activityId, version, participantCode, evaluationId };
    },
    async newLibraryItem() {
      const outcome = await systemCommand(t, 'activity_library.save', { title: { fr: `Thème ${++n} (démo)` }, content: { kind: 'theme' } });
      return (outcome.result as { itemId: string }).itemId;
    },
    async newDeadJob() {
      const id = (await enqueueJob(t.database.db, { kind: 'test.dead', maxAttempts: 1 }))!;
      await t.database.db.update(jobs).set({ status: 'dead', attempts: 1 }).where(eq(jobs.id, id));
      return id;
    },
  };
  return fixture;
}
