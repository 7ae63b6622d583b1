import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../src/server/config.ts';
import type { BackendKind } from '../src/server/db/client.ts';

/** Where a benchmark runs: a fresh embedded database, or a fresh database on a PostgreSQL server. */
export interface Target {
  kind: BackendKind;
  config: Config;
  cleanup(): Promise<void>;
}

async function pgAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'sira-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function baseEnv(dataDir: string): Record<string, string> {
  return { SIRA_DATA_DIR: dataDir, SIRA_WEB_DIR: '/nonexistent', HOST: '127.0.0.1', PORT: '0', SIRA_LOG_LEVEL: 'warn' };
}

export async function pgliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-bench-cmd-'));
  return {
    kind: 'pglite',
    config: loadConfig(baseEnv(dir)),
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the given server, dropped afterwards: the run never writes elsewhere. */
export async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `sira_bench_${randomBytes(6).toString('hex')}`;
  await pgAdmin(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-bench-cmd-')); // unused by PostgreSQL, but the config wants one
  return {
    kind: 'postgres',
    config: loadConfig({ ...baseEnv(dir), DATABASE_URL: url.toString() }),
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
      await pgAdmin(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
