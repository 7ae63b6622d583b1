import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SecretKeyError, type SecretBox } from './secret-box.ts';

/**
 * Envelope encryption of personal data. Each record (a case) has its own random data key;
 * the data is AES-256-GCM under that key, and the key is sealed by the secret box. So a key
 * rotation re-seals a few bytes per record instead of re-encrypting everything, and erasing a
 * person is deleting one data key: what was encrypted under it cannot be read again.
 *
 * Ciphertext form: `d1.<iv>.<ciphertext‖tag>` (base64url), with the caller's context (e.g.
 * `case-identity:<caseId>`) authenticated, so a value copied onto another row does not open.
 */
const VERSION = 'd1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export const caseKeyContext = (caseId: string) => `case-key:${caseId}`;

export function sealDataKey(box: SecretBox, key: Buffer, context: string): string {
  return box.seal(key, context);
}

export function openDataKey(box: SecretBox, sealed: string, context: string): Buffer {
  return box.open(sealed, context);
}

export function encryptWith(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${VERSION}.${context}`, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptWith(key: Buffer, sealed: string, context: string): string {
  const [version, ivText, bodyText, extra] = sealed.split('.');
  if (version !== VERSION || !ivText || !bodyText || extra !== undefined) throw unreadable();
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw unreadable();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(`${VERSION}.${context}`, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable();
  }
}

export function encryptJson(key: Buffer, value: unknown, context: string): string {
  return encryptWith(key, JSON.stringify(value), context);
}

export function decryptJson<T>(key: Buffer, sealed: string, context: string): T {
  return JSON.parse(decryptWith(key, sealed, context)) as T;
}

function unreadable(): SecretKeyError {
  return new SecretKeyError('SIRA_SECRET_UNREADABLE', 'encrypted value is malformed, altered, or belongs to another record');
}
