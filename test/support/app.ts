import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import type { Role } from '../../src/domain/identity/roles.ts';
import { buildRegistry } from '../../src/server/commands/registry.ts';
import { type CommandRegistry, runCommand } from '../../src/server/commands/run.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import { SecretBox } from '../../src/server/crypto/secret-box.ts';
import { buildApp } from '../../src/server/http/app.ts';
import { type TestDatabase, createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  registry: CommandRegistry;
  config: Config;
  /** The app's secret box (same key), for tests that look at or plant sealed values. */
  secrets: SecretBox;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  // A fresh key per app: no test ever writes a key file into the repository's data folder.
  const config = loadConfig({ SIRA_DATA_DIR: '/nonexistent', SIRA_WEB_DIR: '/nonexistent', SIRA_SECRET_KEY: randomBytes(32).toString('base64'), ...env });
  const registry = buildRegistry();
  const app = await buildApp({ config, database, registry, version: 'test', logger: false });
  return {
    app,
    database,
    registry,
    config,
    secrets: new SecretBox([config.secretKey!]),
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/** Runs a command as the system (CLI) actor: how fixtures are made, through the real commands. */
export async function systemCommand(t: Pick<TestApp, 'database' | 'registry'> & { secrets?: SecretBox }, name: string, input: unknown) {
  const box = t.secrets;
  return runCommand(t.database.db, t.registry, { name, commandId: uuidv4(), input, actor: SYSTEM_CLI, requestId: 'test', locale: 'fr', ...(box ? { secrets: () => box } : {}) });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createOrganisationAndUser(t: TestApp, roles: Role[], email = `user-${uuidv4().slice(0, 8)}@example.org`) {
  const organisationId = uuidv4();
  const userId = uuidv4();
  await systemCommand(t, 'organisation.create', { organisationId, name: `Organisation ${organisationId.slice(0, 6)}`, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
  await systemCommand(t, 'user.create', { userId, email, displayName: 'Awa Test', password: TEST_PASSWORD, organisationId, roles });
  return { organisationId, userId, email };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'sira_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `sira_session=${cookie.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export function postCommand(t: TestApp, session: Session, name: string, id: string, input: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/api/commands/${name}`, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { id, input } });
}

/** An app on a fresh database with a signed-in system administrator: most server test files start so. */
export async function startAppWithAdmin(): Promise<{ t: TestApp; admin: Session; organisationId: string }> {
  const t = await createTestApp();
  const created = await createOrganisationAndUser(t, ['system_admin']);
  return { t, admin: await login(t, created.email), organisationId: created.organisationId };
}
