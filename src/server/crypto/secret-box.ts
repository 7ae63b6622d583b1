import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets at rest (TOTP secrets today; the data keys of
 * envelope encryption later). AES-256-GCM with a random 96-bit IV per message.
 *
 * Sealed form: `v1.<keyId>.<iv>.<ciphertext‖tag>`, base64url parts. The key id names the key
 * that sealed it, so a rotation can find and re-seal what an older key protects, and a
 * missing key is named instead of failing as "corrupt". The header and a caller's context
 * (e.g. `totp:<userId>`) are authenticated too: a sealed value moved to another row or
 * another purpose no longer opens.
 */
const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretKeyError extends Error {
  /** Logged by the error handler (the message is not), so operators see which failure. */
  readonly code: 'SIRA_SECRET_KEY_INVALID' | 'SIRA_SECRET_KEY_UNKNOWN' | 'SIRA_SECRET_UNREADABLE';
  constructor(code: SecretKeyError['code'], message: string) {
    super(message);
    this.name = 'SecretKeyError';
    this.code = code;
  }
}

/** A short, stable name for a key: not secret, reveals nothing usable about the key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('sira-secret-key-id:').update(key).digest().subarray(0, 6).toString('base64url');
}

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  /** Id of the key new values are sealed with. */
  readonly currentKeyId: string;

  /** The first key seals; every key opens (older keys stay listed during a rotation). */
  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new SecretKeyError('SIRA_SECRET_KEY_INVALID', 'no secret key given');
    for (const key of keys) {
      if (key.length !== KEY_BYTES) throw new SecretKeyError('SIRA_SECRET_KEY_INVALID', `a secret key must be ${KEY_BYTES} bytes`);
      this.keys.set(keyIdOf(key), Buffer.from(key));
    }
    this.currentKeyId = keyIdOf(keys[0]!);
  }

  seal(plaintext: string | Buffer, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(aad(this.currentKeyId, context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.currentKeyId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  open(sealed: string, context: string): Buffer {
    const [version, keyId, ivText, bodyText, extra] = sealed.split('.');
    if (version !== VERSION || !keyId || !ivText || !bodyText || extra !== undefined) throw unreadable();
    const key = this.keys.get(keyId);
    if (!key) throw new SecretKeyError('SIRA_SECRET_KEY_UNKNOWN', `sealed with key ${keyId}, which is not configured (SIRA_SECRET_KEY or the key file)`);
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw unreadable();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(aad(keyId, context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw unreadable();
    }
  }

  openText(sealed: string, context: string): string {
    return this.open(sealed, context).toString('utf8');
  }

  /** True when the value was sealed by an older key: what a rotation re-seals. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentKeyId;
  }
}

function aad(keyId: string, context: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8');
}

function unreadable(): SecretKeyError {
  return new SecretKeyError('SIRA_SECRET_UNREADABLE', 'sealed value is malformed, altered, or belongs to another context');
}
