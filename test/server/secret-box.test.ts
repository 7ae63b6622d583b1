import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { SecretBox, SecretKeyError, keyIdOf } from '../../src/server/crypto/secret-box.ts';
import { KEY_FILE_NAME, loadOrCreateKeyFile, loadOrCreateKeyRing, newSecretKey, secretBoxProvider, writeKeyRing } from '../../src/server/crypto/secret-key.ts';

const key = () => randomBytes(32);
/** Flips one character of the part at `index` of a sealed value. */
const tamper = (sealed: string, index: number) => {
  const parts = sealed.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
};

describe('secret box', () => {
  it('opens what it sealed, and seals the same text differently each time', () => {
    const box = new SecretBox([key()]);
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp:u-1');
    const b = box.seal('JBSWY3DPEHPK3PXP', 'totp:u-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.openText(a, 'totp:u-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.openText(b, 'totp:u-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses an altered ciphertext, IV or header, and a value moved to another context', () => {
    const box = new SecretBox([key()]);
    const sealed = box.seal('secret', 'totp:u-1');
    for (const altered of [tamper(sealed, 3), tamper(sealed, 2), sealed.replace(/^v1/, 'v2'), `${sealed}.x`, 'not sealed at all']) {
      expect(() => box.open(altered, 'totp:u-1'), altered).toThrow(SecretKeyError);
    }
    expect(() => box.open(sealed, 'totp:u-2')).toThrow(expect.objectContaining({ code: 'SIRA_SECRET_UNREADABLE' }));
  });

  it('names a missing key rather than calling the data corrupt, and never opens with the wrong key', () => {
    const sealed = new SecretBox([key()]).seal('secret', 'c');
    expect(() => new SecretBox([key()]).open(sealed, 'c')).toThrow(expect.objectContaining({ code: 'SIRA_SECRET_KEY_UNKNOWN' }));
    // Even a wrong key that claims the right id (header forged) fails authentication.
    const other = new SecretBox([key()]);
    const forged = sealed.replace(/^v1\.[^.]+/, `v1.${other.currentKeyId}`);
    expect(() => other.open(forged, 'c')).toThrow(expect.objectContaining({ code: 'SIRA_SECRET_UNREADABLE' }));
  });

  it('opens values of an older key during a rotation and says which need re-sealing', () => {
    const oldKey = key();
    const newKey = key();
    const sealedOld = new SecretBox([oldKey]).seal('secret', 'c');
    const rotating = new SecretBox([newKey, oldKey]);
    expect(rotating.openText(sealedOld, 'c')).toBe('secret');
    expect(rotating.isStale(sealedOld)).toBe(true);
    expect(rotating.isStale(rotating.seal('secret', 'c'))).toBe(false);
    expect(rotating.currentKeyId).toBe(keyIdOf(newKey));
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox([randomBytes(16)])).toThrow(SecretKeyError);
    expect(() => new SecretBox([])).toThrow(SecretKeyError);
  });
});

describe('secret key', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sira-key-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('creates the key file on first need, readable by its owner only, and reuses it', () => {
    const dataDir = path.join(tempDir(), 'data');
    const provider = secretBoxProvider({ secretKey: undefined, dataDir });
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
    const sealed = provider().seal('secret', 'c');
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    // A restart (a new provider) finds the same key.
    expect(secretBoxProvider({ secretKey: undefined, dataDir })().openText(sealed, 'c')).toBe('secret');
    expect(loadOrCreateKeyFile(dataDir)).toEqual(loadOrCreateKeyFile(dataDir));
  });

  it('prefers SIRA_SECRET_KEY and then creates no file', () => {
    const dataDir = tempDir();
    const secretKey = key();
    const box = secretBoxProvider({ secretKey, dataDir })();
    expect(box.currentKeyId).toBe(keyIdOf(secretKey));
    expect(fs.existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
  });

  it('stops with a clear error on a damaged key file', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, KEY_FILE_NAME), 'too short\n', { mode: 0o600 });
    expect(() => loadOrCreateKeyFile(dataDir)).toThrow(/secret\.key does not hold base64-encoded 32-byte keys, one per line/);
  });

  it('keeps earlier keys after a rotation: the first seals, all open, and the file is replaced whole', () => {
    const dataDir = tempDir();
    const first = secretBoxProvider({ secretKey: undefined, dataDir })();
    const old = first.seal('older secret', 'c');
    const next = newSecretKey();
    writeKeyRing(dataDir, [next, loadOrCreateKeyFile(dataDir)]);
    expect(fs.statSync(path.join(dataDir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir)).toEqual([KEY_FILE_NAME]);
    const box = secretBoxProvider({ secretKey: undefined, dataDir })();
    expect(box.currentKeyId).toBe(keyIdOf(next));
    expect(box.openText(old, 'c')).toBe('older secret');
    expect(box.isStale(old)).toBe(true);
    expect(loadOrCreateKeyRing(dataDir)).toHaveLength(2);
  });

  it('opens with SIRA_SECRET_KEYS_PREVIOUS and seals with SIRA_SECRET_KEY only', () => {
    const [current, previous] = [key(), key()];
    const config = loadConfig({ SIRA_SECRET_KEY: current.toString('base64'), SIRA_SECRET_KEYS_PREVIOUS: previous.toString('base64') });
    const sealedBefore = new SecretBox([previous]).seal('s', 'c');
    const box = secretBoxProvider(config)();
    expect(box.currentKeyId).toBe(keyIdOf(current));
    expect(box.openText(sealedBefore, 'c')).toBe('s');
    expect(() => loadConfig({ SIRA_SECRET_KEYS_PREVIOUS: 'c2hvcnQ=' })).toThrow(/SIRA_SECRET_KEYS_PREVIOUS: must be base64 keys of 32 bytes/);
  });

  it('validates SIRA_SECRET_KEY at start-up without printing it', () => {
    const good = key().toString('base64');
    expect(loadConfig({ SIRA_SECRET_KEY: good }).secretKey).toEqual(Buffer.from(good, 'base64'));
    expect(loadConfig({}).secretKey).toBeUndefined();
    for (const bad of ['', 'c2hvcnQ=', `${good}AAAA`, 'not base64 at all, not even close to it!!!']) {
      let error: unknown;
      try {
        loadConfig({ SIRA_SECRET_KEY: bad });
      } catch (err) {
        error = err;
      }
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain('SIRA_SECRET_KEY: must be the base64 encoding of 32 random bytes');
      if (bad) expect((error as Error).message).not.toContain(bad);
    }
  });
});
