import { randomUUID } from 'node:crypto';
import { actorForUserId } from '../src/server/identity/roles.ts';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { type Actor, SYSTEM_CLI } from '../src/domain/identity/actor.ts';
import { buildRegistry } from '../src/server/commands/registry.ts';
import { type CommandRegistry, runCommand } from '../src/server/commands/run.ts';
import type { Config } from '../src/server/config.ts';
import type { BackendKind, Db } from '../src/server/db/client.ts';
import { type OpenedDatabase, openDatabase } from '../src/server/db/open.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { organisations } from '../src/server/db/schema/index.ts';
import { buildApp } from '../src/server/http/app.ts';
import { builtInJobHandlers, ensureRecurringJobs } from '../src/server/jobs/handlers.ts';
import { secretBoxProvider } from '../src/server/crypto/secret-key.ts';
import { JobWorker } from '../src/server/jobs/worker.ts';
import { SIRA_VERSION } from '../src/server/version.ts';
import { percentile } from './stats.ts';
import { type Target, pgliteTarget, postgresTarget } from './targets.ts';

/** A ceiling on any one phase: the counts bound the work, this bounds the time if something stalls. */
const PHASE_TIMEOUT_MS = 180_000;
const ADMIN_PASSWORD = 'bench password, long enough';

export interface ThroughputOptions {
  /** Operations per measured phase. */
  n: number;
  /** Clients in the concurrent phases. */
  concurrency: number;
  /** Untimed operations before each path's first phase (JIT, prepared code paths, pools). */
  warmup: number;
  log?: (line: string) => void;
}

export interface Rate {
  ops: number;
  totalMs: number;
  perSecond: number;
  /** Per-operation latency as seen by the caller. */
  medianMs: number;
  p95Ms: number;
}

export interface PathRates {
  sequential: Rate;
  concurrent: Rate;
}

export interface ThroughputResult {
  backend: BackendKind;
  /** Server version string as the database reports it. */
  serverVersion: string;
  n: number;
  concurrency: number;
  warmup: number;
  /** POST /api/commands/organisation.create over HTTP on 127.0.0.1, with session and CSRF. */
  http: PathRates;
  /** runCommand() called in the server's process: the command pipeline without HTTP. */
  inProcess: PathRates;
  /** One INSERT INTO organisations per row on the same database handle. */
  direct: PathRates;
  /** Rows in organisations at the end, checked against what the run should have written. */
  rowsChecked: number;
}

function orgInput(label: string) {
  return { organisationId: randomUUID(), name: `Bench organisation ${label}`, type: 'ngo', country: 'ML', regionPcodes: ['ML01'] };
}

/** Runs `total` operations with `clients` workers pulling from one counter; times each and the whole. */
async function measure(total: number, clients: number, op: (i: number) => Promise<void>): Promise<Rate> {
  const latencies: number[] = new Array<number>(total);
  let next = 0;
  const deadline = performance.now() + PHASE_TIMEOUT_MS;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      if (performance.now() > deadline) throw new Error(`phase exceeded ${PHASE_TIMEOUT_MS} ms`);
      const t0 = performance.now();
      await op(i);
      latencies[i] = performance.now() - t0;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, worker));
  const totalMs = performance.now() - start;
  return { ops: total, totalMs, perSecond: (total / totalMs) * 1000, medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
}

/** The admin account is made the way an operator makes the first one: commands run as the CLI. */
async function seedAdmin(config: Config, registry: CommandRegistry): Promise<{ email: string; actor: Actor }> {
  const opened = await openDatabase(config);
  try {
    const organisationId = randomUUID();
    const userId = randomUUID();
    const email = 'bench-admin@example.org';
    const base = { actor: SYSTEM_CLI, requestId: 'bench-seed', locale: 'fr' as const };
    await runCommand(opened.database.db, registry, {
      ...base,
      name: 'organisation.create',
      commandId: randomUUID(),
      input: { organisationId, name: 'Bench administration', type: 'ngo', country: 'ML', regionPcodes: ['ML01'] },
    });
    await runCommand(opened.database.db, registry, {
      ...base,
      name: 'user.create',
      commandId: randomUUID(),
      input: { userId, email, displayName: 'Bench Admin', password: ADMIN_PASSWORD, organisationId, roles: ['system_admin'] },
    });
    return { email, actor: await actorForUserId(opened.database.db, userId) };
  } finally {
    await opened.close();
  }
}

interface RunningApp {
  app: FastifyInstance;
  opened: OpenedDatabase;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Built as src/server/main.ts builds it (job worker included), keeping the database handle. */
async function startApp(config: Config, registry: CommandRegistry): Promise<RunningApp> {
  const opened = await openDatabase(config);
  const db = opened.database.db;
  await ensureRecurringJobs(db);
  const app = await buildApp({ config, database: opened.database, registry, version: SIRA_VERSION, logger: false });
  const timeouts = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs };
  const worker = new JobWorker(db, builtInJobHandlers(timeouts, { secrets: secretBoxProvider(config), years: config.retentionYears }), { pollMs: config.jobPollMs });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  worker.start();
  return {
    app,
    opened,
    baseUrl: address,
    async stop() {
      await app.close();
      await worker.stop();
      await opened.close();
    },
  };
}

async function login(baseUrl: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: ADMIN_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  if (res.status !== 200 || !body.csrfToken) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('sira_session='));
  if (!session) throw new Error('login set no sira_session cookie');
  return { cookie: session.split(';')[0] ?? '', csrf: body.csrfToken };
}

export async function benchCommandThroughput(kind: BackendKind, options: ThroughputOptions): Promise<ThroughputResult> {
  const log = options.log ?? (() => undefined);
  const adminUrl = process.env.SIRA_BENCH_DATABASE_URL;
  if (kind === 'postgres' && !adminUrl) throw new Error('SIRA_BENCH_DATABASE_URL is not set');
  const target = kind === 'postgres' ? await postgresTarget(adminUrl ?? '') : await pgliteTarget();
  const registry = buildRegistry();
  try {
    const { email, actor } = await seedAdmin(target.config, registry);
    const running = await startApp(target.config, registry);
    try {
      const db: Db = running.opened.database.db;
      const [version] = await queryRows<{ server_version: string }>(db, sql`show server_version`);
      const session = await login(running.baseUrl, email);
      const { n, concurrency, warmup } = options;

      const viaHttp = async (i: number) => {
        const res = await fetch(`${running.baseUrl}/api/commands/organisation.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
          body: JSON.stringify({ id: randomUUID(), input: orgInput(`http ${i}`) }),
        });
        const body = (await res.json()) as { status?: string };
        if (res.status !== 200 || body.status !== 'applied') throw new Error(`command failed: ${res.status} ${JSON.stringify(body)}`);
      };
      const inProcess = async (i: number) => {
        const receipt = await runCommand(db, registry, { name: 'organisation.create', commandId: randomUUID(), input: orgInput(`in-process ${i}`), actor, requestId: 'bench', locale: 'fr' });
        if (receipt.status !== 'applied') throw new Error(`command not applied: ${receipt.status}`);
      };
      const direct = async (i: number) => {
        const now = new Date();
        const input = orgInput(`direct ${i}`);
        await db.insert(organisations).values({
          id: input.organisationId,
          name: input.name,
          acronym: null,
          type: input.type,
          country: input.country,
          regionPcodes: input.regionPcodes,
          createdAt: now,
          updatedAt: now,
        });
      };

      const phases = async (label: string, op: (i: number) => Promise<void>): Promise<PathRates> => {
        await measure(warmup, 1, op);
        const sequential = await measure(n, 1, op);
        log(`  ${kind} ${label}, sequential: ${sequential.perSecond.toFixed(0)} ops/s (median ${sequential.medianMs.toFixed(2)} ms)`);
        const concurrent = await measure(n, concurrency, op);
        log(`  ${kind} ${label}, ${concurrency} concurrent: ${concurrent.perSecond.toFixed(0)} ops/s (median ${concurrent.medianMs.toFixed(2)} ms)`);
        return { sequential, concurrent };
      };

      const http = await phases('HTTP command', viaHttp);
      const inProc = await phases('in-process runCommand', inProcess);
      const directRates = await phases('direct INSERT', direct);

      const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisations`);
      const expected = 1 + 3 * (warmup + 2 * n);
      if (count?.n !== expected) throw new Error(`expected ${expected} organisations, found ${count?.n}`);

      return {
        backend: kind,
        serverVersion: version?.server_version ?? 'unknown',
        n,
        concurrency,
        warmup,
        http,
        inProcess: inProc,
        direct: directRates,
        rowsChecked: count.n,
      };
    } finally {
      await running.stop();
    }
  } finally {
    await target.cleanup();
  }
}
