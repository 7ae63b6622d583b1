import { v4 as uuidv4 } from 'uuid';
import { ROLES, type Role } from '../../../src/domain/identity/roles.ts';
import { newApiToken } from '../../../src/server/identity/api-tokens.ts';
import { createSession } from '../../../src/server/identity/sessions.ts';
import { newTotpSecret, totpSecretContext } from '../../../src/server/identity/totp.ts';
import { enqueueJob } from '../../../src/server/jobs/queue.ts';
import { apiTokens, caseLinkRequests, consentOverrides, consents, jobs, userTotp } from '../../../src/server/db/schema/index.ts';
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
    async newDeadJob() {
      const id = (await enqueueJob(t.database.db, { kind: 'test.dead', maxAttempts: 1 }))!;
      await t.database.db.update(jobs).set({ status: 'dead', attempts: 1 }).where(eq(jobs.id, id));
      return id;
    },
  };
  return fixture;
}
