import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite has no lock between processes: two Sira processes on one data folder would
 * corrupt it. We hold an exclusive lock file naming our pid; a lock left by a process
 * that no longer exists (after a crash or SIGKILL) is taken over.
 */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(`data folder ${dataDir} is in use by process ${owner.pid} on ${owner.hostname}`);
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

const LOCK_NAME = 'sira.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      return {
        path: file,
        release() {
          const owner = readOwner(file);
          if (owner?.pid === me.pid && owner.hostname === me.hostname) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      const sameHost = owner?.hostname === me.hostname;
      if (owner && (!sameHost || isAlive(owner.pid)) && owner.pid !== me.pid) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // Stale (owner gone) or unreadable (crash mid-write): move it aside atomically so
      // that of two processes racing for a stale lock only one removes it.
      const aside = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, aside);
        const moved = readOwner(aside);
        if (moved && owner && moved.pid !== owner.pid) {
          // We moved a fresh lock taken by a racing process: put it back (link never clobbers).
          try {
            fs.linkSync(aside, file);
          } catch {
            /* someone holds the lock again; the next create fails and reports them */
          }
        }
        fs.rmSync(aside, { force: true });
      } catch {
        /* another process took it over first; retry the exclusive create */
      }
    }
  }
  const owner = readOwner(file) ?? { pid: -1, hostname: 'unknown', startedAt: '' };
  throw new DataDirLockedError(dataDir, owner);
}
