import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './machine.ts';
import { type Summary, sleep, summarise } from './stats.ts';

/** One start must answer well within this, or the benchmark gives up rather than hang. */
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;
const POLL_MS = 10;

export interface ColdStartResult {
  /** `node --import tsx` running an empty script: the floor under any start of the server. */
  processFloor: Summary;
  /** New data folder: PGlite creates its cluster, then every migration runs. */
  fresh: Summary;
  /** Second start on a folder that already holds a migrated database. */
  existing: Summary;
  /** From SIGTERM to the process's exit, over every measured start. */
  stop: Summary;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // The cold start measured is the embedded database's: a PostgreSQL URL in the caller's
  // environment must not leak into the child.
  delete env.DATABASE_URL;
  return env;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Time for node + tsx to start and exit with nothing to do. */
async function processFloorOnce(): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--eval', ''], { cwd: REPO_ROOT, env: childEnv({}), stdio: 'ignore' });
  const code = await waitForExit(child, START_TIMEOUT_MS);
  const elapsed = performance.now() - start;
  if (code !== 0) throw new Error(`empty node --import tsx exited with ${code}`);
  return elapsed;
}

/**
 * Spawns the real server on `dataDir`, measures until GET /healthz first answers 200, then
 * stops it with SIGTERM and waits for its exit. Returns both durations in ms.
 */
export async function startOnce(dataDir: string): Promise<{ startMs: number; stopMs: number }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/healthz`;
  const env = childEnv({ SIRA_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SIRA_LOG_LEVEL: 'warn', SIRA_WEB_DIR: '/nonexistent' });

  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 10_000) stderr += chunk;
  });

  try {
    let startMs: number | undefined;
    while (startMs === undefined) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering:\n${stderr}`);
      if (performance.now() - start > START_TIMEOUT_MS) throw new Error(`server did not answer /healthz within ${START_TIMEOUT_MS} ms:\n${stderr}`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        await res.arrayBuffer();
        if (res.status === 200) startMs = performance.now() - start;
      } catch {
        // not listening yet
      }
      if (startMs === undefined) await sleep(POLL_MS);
    }
    const stopStart = performance.now();
    child.kill('SIGTERM');
    const code = await waitForExit(child, STOP_TIMEOUT_MS);
    const stopMs = performance.now() - stopStart;
    if (code !== 0) throw new Error(`server exited with ${code} after SIGTERM:\n${stderr}`);
    return { startMs, stopMs };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_TIMEOUT_MS).catch(() => undefined);
    }
  }
}

export async function benchColdStart(runs = 5, log: (line: string) => void = () => undefined): Promise<ColdStartResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-bench-cold-'));
  try {
    // One untimed start first, so tsx's transform cache and the OS file cache are warm:
    // the figures describe a server that has started before on this machine, not a first install.
    await startOnce(path.join(root, 'warm-up'));

    const floor: number[] = [];
    for (let i = 0; i < runs; i++) floor.push(await processFloorOnce());

    const fresh: number[] = [];
    const existing: number[] = [];
    const stop: number[] = [];
    for (let i = 0; i < runs; i++) {
      const dataDir = path.join(root, `run-${i}`);
      const first = await startOnce(dataDir);
      const second = await startOnce(dataDir);
      fresh.push(first.startMs);
      existing.push(second.startMs);
      stop.push(first.stopMs, second.stopMs);
      log(`  run ${i + 1}/${runs}: fresh ${first.startMs.toFixed(0)} ms, existing ${second.startMs.toFixed(0)} ms`);
    }
    return { processFloor: summarise(floor), fresh: summarise(fresh), existing: summarise(existing), stop: summarise(stop) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
