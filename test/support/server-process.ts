import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts the real server as `npm start` does (minus the web build), on the given storage. */
export function spawnServer(env: Record<string, string>): { child: ChildProcess; output(): string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', SIRA_LOG_LEVEL: 'warn', SIRA_WEB_DIR: '/nonexistent', SIRA_LOCALE: 'fr', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const started = spawnServer(env);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void started.exited.then((c) => (exitCode = c));
  while (Date.now() < deadline) {
    const match = /https?:\/\/[^\s]+/.exec(started.output());
    if (match) return { ...started, url: match[0] };
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}: ${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  started.child.kill('SIGKILL');
  throw new Error(`server did not start in time: ${started.output()}`);
}
