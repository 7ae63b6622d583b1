import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Actor } from '../../domain/identity/actor.ts';
import { appendAudit } from '../audit/append.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { DbOrTx } from '../db/client.ts';
import { userTotp } from '../db/schema/index.ts';
import { LOCK_MS, accountKey, recordFailure } from './login-throttle.ts';

/** RFC 6238 as every authenticator app expects it: SHA-1, 6 digits, 30 s; ±1 step for clock drift. */
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;
const ISSUER = 'Sira';

export type TotpRow = typeof userTotp.$inferSelect;

/** Seals a secret to its owner: a sealed value copied onto another account does not open. */
export const totpSecretContext = (userId: string) => `totp:${userId}`;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, accountName = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label: accountName, algorithm: 'SHA1', digits: DIGITS, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

export function totpUri(secretBase32: string, accountName: string): string {
  return totpOf(secretBase32, accountName).toString();
}

export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The code for a moment (tests, and nothing else: the server never needs to make one). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

export type TotpVerdict = { ok: true; step: number } | { ok: false; reason: 'bad_code' | 'replayed' };

/**
 * Checks a code against a secret. A code is accepted once: its time step must be later than
 * the last one accepted, so a code seen over a shoulder cannot be replayed in its window.
 */
export function checkTotp(secretBase32: string, code: string, lastUsedStep: number | null, now: Date): TotpVerdict {
  const totp = totpOf(secretBase32);
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return { ok: false, reason: 'bad_code' };
  const step = totp.counter({ timestamp: now.getTime() }) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}

/** The row, locked for the rest of the transaction so two uses of one code cannot both pass. */
export async function lockTotp(tx: DbOrTx, userId: string): Promise<TotpRow | undefined> {
  const [row] = await tx.select().from(userTotp).where(eq(userTotp.userId, userId)).for('update');
  return row;
}

/** Checks a code against the secret in force and, when accepted, records its step. */
export async function useTotpCode(tx: DbOrTx, box: SecretBox, row: TotpRow, code: string, now: Date): Promise<TotpVerdict> {
  if (!row.secret || !row.enabledAt) return { ok: false, reason: 'bad_code' };
  const verdict = checkTotp(box.openText(row.secret, totpSecretContext(row.userId)), code, row.lastUsedStep, now);
  if (verdict.ok) await tx.update(userTotp).set({ lastUsedStep: verdict.step, updatedAt: now }).where(eq(userTotp.userId, row.userId));
  return verdict;
}

/**
 * A refused code is audited and counts toward the account's lockout exactly like a wrong
 * password, so the second factor cannot be guessed through a known password.
 */
export async function recordTotpFailure(
  tx: DbOrTx,
  entry: { userId: string; email: string; reason: 'bad_code' | 'replayed' | 'challenge_invalid'; actor: Actor | null; requestId: string; commandId?: string; now: Date },
): Promise<void> {
  const base = { actor: entry.actor, requestId: entry.requestId, commandId: entry.commandId ?? null, targetType: 'user', targetIds: [entry.userId] };
  await appendAudit(tx, { ...base, type: 'auth.totp.failed', data: { reason: entry.reason } });
  const counted = await recordFailure(tx, accountKey(entry.email), entry.now);
  if (counted.lockedUntil) await appendAudit(tx, { ...base, type: 'auth.lockout', data: { failures: counted.failures, minutes: LOCK_MS / 60_000 } });
}
