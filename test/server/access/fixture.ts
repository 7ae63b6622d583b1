import { v4 as uuidv4 } from 'uuid';
import { ROLES, type Role } from '../../../src/domain/identity/roles.ts';
import { createSession } from '../../../src/server/identity/sessions.ts';
import { enqueueJob } from '../../../src/server/jobs/queue.ts';
import { jobs } from '../../../src/server/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { TEST_PASSWORD, type TestApp, systemCommand } from '../../support/app.ts';
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
    async newDeadJob() {
      const id = (await enqueueJob(t.database.db, { kind: 'test.dead', maxAttempts: 1 }))!;
      await t.database.db.update(jobs).set({ status: 'dead', attempts: 1 }).where(eq(jobs.id, id));
      return id;
    },
  };
}
