import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_CLI } from '../src/domain/identity/actor.ts';
import type { Role } from '../src/domain/identity/roles.ts';
import { type CommandRegistry, runCommand } from '../src/server/commands/run.ts';
import type { Config } from '../src/server/config.ts';
import { secretBoxProvider } from '../src/server/crypto/secret-key.ts';
import type { Db } from '../src/server/db/client.ts';
import { type OpenedDatabase, openDatabase } from '../src/server/db/open.ts';
import { buildApp } from '../src/server/http/app.ts';
import { builtInJobHandlers, ensureRecurringJobs } from '../src/server/jobs/handlers.ts';
import { JobWorker } from '../src/server/jobs/worker.ts';
import { SIRA_VERSION } from '../src/server/version.ts';

/** The referral benchmarks' server, people and HTTP client: set up with the real commands, untimed. */

export const BENCH_PASSWORD = 'bench password, long enough';

export interface RunningApp {
  app: FastifyInstance;
  opened: OpenedDatabase;
  db: Db;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Built as src/server/main.ts builds it (job worker included), listening on 127.0.0.1. */
export async function startApp(config: Config, registry: CommandRegistry): Promise<RunningApp> {
  const opened = await openDatabase(config);
  const db = opened.database.db;
  await ensureRecurringJobs(db);
  const app = await buildApp({ config, database: opened.database, registry, version: SIRA_VERSION, logger: { level: 'error' } }); // errors only: a failure shows its cause, not a bare 500
  const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };
  const worker = new JobWorker(db, builtInJobHandlers(timeouts, { secrets: secretBoxProvider(config), years: config.retentionYears }), { pollMs: config.jobPollMs });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  worker.start();
  return {
    app,
    opened,
    db,
    baseUrl,
    async stop() {
      await app.close();
      await worker.stop();
      await opened.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('sira_session='));
  if (!session) throw new Error('login set no sira_session cookie');
  return { cookie: session.split(';')[0] ?? '', csrf: body.csrfToken };
}

/** POST /api/commands/<name>; anything but an applied command stops the run. */
export async function postCommand<R>(baseUrl: string, session: Session, name: string, input: unknown): Promise<R> {
  const res = await fetch(`${baseUrl}/api/commands/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({ id: randomUUID(), input }),
  });
  const body = (await res.json()) as { status?: string; result?: R };
  if (res.status !== 200 || body.status !== 'applied') throw new Error(`${name} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.result as R;
}

export async function getJson<R>(baseUrl: string, session: Session, url: string): Promise<R> {
  const res = await fetch(`${baseUrl}${url}`, { headers: { cookie: session.cookie } });
  const body = (await res.json()) as R;
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Runs a command as the CLI does (how an operator sets up organisations, users, services). */
export async function cli(db: Db, registry: CommandRegistry, config: Config, name: string, input: unknown): Promise<unknown> {
  const receipt = await runCommand(db, registry, { actor: SYSTEM_CLI, requestId: 'bench-referrals', locale: 'fr', name, commandId: randomUUID(), input, secrets: secretBoxProvider(config) });
  return receipt.result;
}

export async function createOrganisation(db: Db, registry: CommandRegistry, config: Config, name: string): Promise<string> {
  const organisationId = randomUUID();
  await cli(db, registry, config, 'organisation.create', { organisationId, name, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] });
  return organisationId;
}

export async function createUser(db: Db, registry: CommandRegistry, config: Config, organisationId: string, roles: Role[], email: string): Promise<string> {
  const userId = randomUUID();
  await cli(db, registry, config, 'user.create', { userId, email, displayName: 'Bench Person', password: BENCH_PASSWORD, organisationId, roles });
  return userId;
}

/** A shelter of the directory, with one place, as test/support/referrals.ts makes one. */
export async function createShelter(db: Db, registry: CommandRegistry, config: Config, organisationId: string, name: string): Promise<{ serviceId: string; locationId: string }> {
  const serviceId = randomUUID();
  const locationId = randomUUID();
  await cli(db, registry, config, 'service.create', {
    serviceId,
    organisationId,
    name,
    serviceTypes: ['shelter'],
    targetGroups: ['victim_of_trafficking'],
    languages: ['fr', 'bm'],
    costs: [{ kind: 'free' }],
    phones: [{ number: '+223 00 00 00 09' }],
    coverage: ['ML01'],
    locations: [{ id: locationId, name: `${name}, Kayes`, admin1Pcode: 'ML01', address: { address1: 'Quartier Légal Ségou', city: 'Kayes', country: 'ML' } }],
  });
  return { serviceId, locationId };
}
