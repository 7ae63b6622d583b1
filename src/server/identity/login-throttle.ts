import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { loginFailures } from '../db/schema/index.ts';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/**
 * Failures are counted per email whether or not an account exists, so a lockout reveals
 * nothing about which emails are registered. The key is a hash: the table holds no email.
 */
export function accountKey(email: string): string {
  return createHash('sha256').update(`sira-login:${email.trim().toLowerCase()}`).digest('hex');
}

export async function lockedUntil(db: DbOrTx, key: string, now: Date): Promise<Date | null> {
  const [row] = await db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(eq(loginFailures.accountKey, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts one failure; returns the lock end when this failure locks the account. */
export async function recordFailure(tx: DbOrTx, key: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  const [row] = await tx.select().from(loginFailures).where(eq(loginFailures.accountKey, key)).for('update');
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > FAILURE_WINDOW_MS || (row.lockedUntil !== null && row.lockedUntil <= now);
  const failures = fresh ? 1 : row.failures + 1;
  const locked = failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null;
  const values = { accountKey: key, failures, windowStartedAt: fresh ? now : row.windowStartedAt, lockedUntil: locked };
  await tx.insert(loginFailures).values(values).onConflictDoUpdate({ target: loginFailures.accountKey, set: values });
  return { failures, lockedUntil: locked };
}

export async function clearFailures(tx: DbOrTx, key: string): Promise<void> {
  await tx.delete(loginFailures).where(eq(loginFailures.accountKey, key));
}

/**
 * Per-address brake on password guessing across many accounts. Kept in memory: with several
 * app servers each counts its own share, which still bounds the rate; the per-account lock
 * above is the durable defence.
 */
export class AddressThrottle {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit = 30,
    private readonly windowMs = FAILURE_WINDOW_MS,
  ) {}

  allowed(address: string, now = Date.now()): boolean {
    const recent = (this.hits.get(address) ?? []).filter((t) => now - t < this.windowMs);
    this.hits.set(address, recent);
    return recent.length < this.limit;
  }

  fail(address: string, now = Date.now()): void {
    const list = this.hits.get(address) ?? [];
    list.push(now);
    this.hits.set(address, list);
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value as string);
  }
}

/** "Chrome · Android": enough to recognise one's own sessions, without storing the whole header. */
export function describeDevice(userAgent: string | undefined): string | null {
  if (!userAgent) return null;
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrome\/|CriOS\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const os = /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  const parts = [browser, os].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
