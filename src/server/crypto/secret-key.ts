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
 * The key of a single-server install that set no SIRA_SECRET_KEY: `<dataDir>/secret.key`,
 * created on first need, readable by its owner only. It is not in the database, so a
 * database backup alone never holds the key that opens its secrets.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
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
  const key = parseSecretKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new SecretKeyError('SIRA_SECRET_KEY_INVALID', `${file} does not hold a base64-encoded 32-byte key; restore it from its backup`);
  return key;
}

/**
 * The server's secret box, made on first use: SIRA_SECRET_KEY when set, else the key file.
 * Lazy, so commands and tools that never touch a secret never create a key file.
 */
export function secretBoxProvider(settings: { secretKey: Buffer | undefined; dataDir: string }): () => SecretBox {
  let box: SecretBox | undefined;
  return () => {
    box ??= new SecretBox([settings.secretKey ?? loadOrCreateKeyFile(settings.dataDir)]);
    return box;
  };
}
