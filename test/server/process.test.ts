import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_CLI } from '../../src/domain/identity/actor.ts';
import { verifyAuditChain } from '../../src/server/audit/verify.ts';
import { buildRegistry } from '../../src/server/commands/registry.ts';
import { runCommand } from '../../src/server/commands/run.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/open.ts';
import { organisations } from '../../src/server/db/schema/index.ts';
import { BACKEND, createEmptyPostgresDatabase, TEST_PG_URL } from '../support/database.ts';
import { type ServerProcess, spawnServer, startServerProcess } from '../support/server-process.ts';

const PASSWORD = 'a long demo password';

/** Storage for a server process: a fresh data folder, or a fresh PostgreSQL database. */
async function storage(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-proc-'));
  if (!TEST_PG_URL) return { env: { SIRA_DATA_DIR: dataDir }, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  const db = await createEmptyPostgresDatabase();
  return { env: { SIRA_DATA_DIR: dataDir, DATABASE_URL: db.url }, cleanup: () => db.drop() };
}

async function withDatabase<T>(env: Record<string, string>, fn: (db: Awaited<ReturnType<typeof openDatabase>>['database']['db']) => Promise<T>): Promise<T> {
  const opened = await openDatabase(loadConfig(env));
  try {
    return await fn(opened.database.db);
  } finally {
    await opened.close();
  }
}

async function seedAdmin(env: Record<string, string>): Promise<string> {
  const email = 'admin@example.org';
  await withDatabase(env, async (db) => {
    const registry = buildRegistry();
    const organisationId = uuidv4();
    const run = (name: string, input: unknown) => runCommand(db, registry, { name, commandId: uuidv4(), input, actor: SYSTEM_CLI, requestId: 'seed', locale: 'fr' });
    await run('organisation.create', { organisationId, name: 'Coordination (démo)', type: 'government', country: 'ML', regionPcodes: [] });
    await run('user.create', { userId: uuidv4(), email, displayName: 'Admin Démo', password: PASSWORD, organisationId, roles: ['system_admin'] });
  });
  return email;
}

async function signIn(url: string, email: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sira_session='))!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

describe(`the server process on ${BACKEND}`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    for (const c of cleanups.splice(0)) await c();
  });

  it('loses no acknowledged command when killed with SIGKILL mid-stream', async () => {
    const store = await storage();
    cleanups.push(store.cleanup);
    const email = await seedAdmin(store.env);
    const server = await startServerProcess(store.env);
    servers.push(server);
    const session = await signIn(server.url, email);

    const acknowledged: string[] = [];
    let stop = false;
    const client = async () => {
      while (!stop) {
        const organisationId = uuidv4();
        try {
          const res = await fetch(`${server.url}/api/commands/organisation.create`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({ id: uuidv4(), input: { organisationId, name: `Stream ${organisationId.slice(0, 8)}`, type: 'ngo', country: 'ML', regionPcodes: [] } }),
          });
          if (res.status === 200) acknowledged.push(organisationId);
        } catch {
          return; // connection cut by the kill: not acknowledged, so free to be lost
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL'); // while the four clients are still sending
    expect(await server.exited).toBeNull();
    stop = true;
    await Promise.all(clients);

    // A restart takes over the lock the killed process left behind, and finds every acknowledged write.
    const again = await startServerProcess(store.env);
    servers.push(again);
    const session2 = await signIn(again.url, email);
    const list = await fetch(`${again.url}/api/organisations`, { headers: { cookie: session2.cookie } });
    const ids = new Set(((await list.json()) as { items: { id: string }[] }).items.map((o) => o.id));
    const missing = acknowledged.filter((id) => !ids.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(missing).toEqual([]);

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(again.output()).toContain('Sira est arrêté proprement.');
    const chain = await withDatabase(store.env, (db) => verifyAuditChain(db));
    expect(chain.ok).toBe(true);
    const stored = await withDatabase(store.env, (db) => db.select({ id: organisations.id }).from(organisations));
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length + 1);
  });

  it(
    BACKEND === 'pglite'
      ? 'refuses a second server on the same data folder, with a clear message, and leaves the first unharmed'
      : 'lets a second stateless server share the same PostgreSQL database (scale-out)',
    async () => {
      const store = await storage();
      cleanups.push(store.cleanup);
      const first = await startServerProcess(store.env);
      servers.push(first);
      if (BACKEND === 'pglite') {
        const second = spawnServer(store.env);
        expect(await second.exited).toBe(75);
        expect(second.output()).toContain(`Le dossier de données ${store.env.SIRA_DATA_DIR} est déjà utilisé par le processus ${first.child.pid}`);
      } else {
        const second = await startServerProcess(store.env);
        servers.push(second);
        expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
        second.child.kill('SIGTERM');
        expect(await second.exited).toBe(0);
      }
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);
      expect(fs.existsSync(path.join(store.env.SIRA_DATA_DIR!, 'sira.lock'))).toBe(false);
    },
  );
});
