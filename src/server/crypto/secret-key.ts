import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SecretBox, SecretKeyError } from './secret-box.ts';

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;

/** The base64 (or base64url) text of exactly 32 bytes, as `openssl rand -base64 32` prints; null otherwise. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : null;
}

/**
 * The keys of a single-server install that set no SIRA_SECRET_KEY: `<dataDir>/secret.key`,
 * created on first need, readable by its owner only, one base64 key per line. The first line
 * seals; the others are earlier keys kept after a rotation so that values (and backups)
 * sealed before it still open. The file is not in the database, so a database backup alone
 * never holds the key that opens its secrets.
 */
export function loadOrCreateKeyRing(dataDir: string): Buffer[] {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      try {
        fs.writeSync(fd, `${randomBytes(KEY_BYTES).toString('base64')}\n`);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    } catch (err) {
      // Another process created it first: use theirs.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const keys = lines.map(parseSecretKey);
  if (keys.length === 0 || keys.some((k) => k === null)) {
    throw new SecretKeyError('SIRA_SECRET_KEY_INVALID', `${file} does not hold base64-encoded 32-byte keys, one per line; restore it from its backup`);
  }
  return keys as Buffer[];
}

/** The current key of the key file (its first line). */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  return loadOrCreateKeyRing(dataDir)[0]!;
}

/** Replaces the key file in one step (written aside, flushed, renamed): a crash leaves the old or the new file, never half of one. */
export function writeKeyRing(dataDir: string, keys: readonly Buffer[]): void {
  const file = path.join(dataDir, KEY_FILE_NAME);
  const aside = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(aside, 'w', 0o600);
  try {
    fs.writeSync(fd, keys.map((k) => `${k.toString('base64')}\n`).join(''));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(aside, file);
}

export function newSecretKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Every key that opens: the current one first, then earlier ones. */
export function keyRing(settings: { secretKey: Buffer | undefined; previousSecretKeys?: readonly Buffer[]; dataDir: string }): Buffer[] {
  const ring = settings.secretKey ? [settings.secretKey] : loadOrCreateKeyRing(settings.dataDir);
  return [...ring, ...(settings.previousSecretKeys ?? [])];
}

/**
 * The server's secret box, made on first use: SIRA_SECRET_KEY when set (with
 * SIRA_SECRET_KEYS_PREVIOUS), else the key file. Lazy, so commands and tools that never touch
 * a secret never create a key file.
 */
export function secretBoxProvider(settings: { secretKey: Buffer | undefined; previousSecretKeys?: readonly Buffer[]; dataDir: string }): () => SecretBox {
  let box: SecretBox | undefined;
  return () => {
    box ??= new SecretBox(keyRing(settings));
    return box;
  };
}
