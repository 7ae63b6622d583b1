import { v4 as uuidv4 } from 'uuid';
import { ROLES, type Role } from '../../../src/domain/identity/roles.ts';
import { newApiToken } from '../../../src/server/identity/api-tokens.ts';
import { createSession } from '../../../src/server/identity/sessions.ts';
import { newTotpSecret, totpSecretContext } from '../../../src/server/identity/totp.ts';
import { enqueueJob } from '../../../src/server/jobs/queue.ts';
import { apiTokens, jobs, userTotp } from '../../../src/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { TEST_PASSWORD, type TestApp, systemCommand } from '../../support/app.ts';
import { tinyDefinition } from '../../forms/access-fixture.ts';
import { childId } from '../../../src/server/directory/write.ts';
import type { Target } from './expectations.ts';

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
  return {
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
    async newDeadJob() {
      const id = (await enqueueJob(t.database.db, { kind: 'test.dead', maxAttempts: 1 }))!;
      await t.database.db.update(jobs).set({ status: 'dead', attempts: 1 }).where(eq(jobs.id, id));
      return id;
    },
  };
}
