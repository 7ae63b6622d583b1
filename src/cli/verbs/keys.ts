import { SecretBox, keyIdOf } from '../../server/crypto/secret-box.ts';
import { keyRing, loadOrCreateKeyRing, newSecretKey, writeKeyRing } from '../../server/crypto/secret-key.ts';
import { resealAll, sealedValuesByKey } from '../../server/crypto/rotate.ts';
import { EXIT, UsageError, type Verb, parseVerbArgs, withDatabase } from '../context.ts';

/**
 * `keys status` and `keys rotate [--forget-previous]`: the secret key that seals what Sira
 * stores encrypted. With the key file (no SIRA_SECRET_KEY), rotate makes a new key, puts it
 * first in the file and re-seals every value under it; earlier keys stay in the file so that
 * older backups still open, unless --forget-previous. With SIRA_SECRET_KEY, the operator sets
 * the new key there and the old one in SIRA_SECRET_KEYS_PREVIOUS, and rotate re-seals. Run it
 * with the server stopped: a running server keeps the keys it read at start.
 */
export const keys: Verb = async (ctx, args) => {
  const [sub, ...rest] = args;
  if (sub === 'status') return status(ctx, rest);
  if (sub === 'rotate') return rotate(ctx, rest);
  throw new UsageError('cli.keys.usage');
};

const status: Verb = async (ctx, rest) => {
  parseVerbArgs(rest, {});
  const ring = keyRing(ctx.config);
  const box = new SecretBox(ring);
  const byKey = await withDatabase(ctx, { migrate: false }, (db) => sealedValuesByKey(db, box));
  ctx.out(ctx.t('cli.keys.current', { keyId: box.currentKeyId, source: ctx.config.secretKey ? 'SIRA_SECRET_KEY' : 'secret.key', previous: ring.length - 1 }));
  const known = new Set(ring.map(keyIdOf));
  for (const [keyId, count] of byKey) ctx.out(ctx.t(known.has(keyId) ? 'cli.keys.sealedBy' : 'cli.keys.sealedByUnknown', { keyId, count }));
  return [...byKey.keys()].every((k) => known.has(k)) ? EXIT.ok : EXIT.usage;
};

const rotate: Verb = async (ctx, rest) => {
  const { values } = parseVerbArgs(rest, { 'forget-previous': { type: 'boolean' } });
  const forget = values['forget-previous'] === true;
  let ring: Buffer[];
  if (ctx.config.secretKey) {
    if (forget) throw new UsageError('cli.keys.forgetWithEnv');
    ring = keyRing(ctx.config);
  } else {
    // The new key is written first, old keys after it: should re-sealing fail, everything still opens.
    ring = [newSecretKey(), ...loadOrCreateKeyRing(ctx.config.dataDir)];
    writeKeyRing(ctx.config.dataDir, ring);
  }
  const box = new SecretBox(ring);
  const kept = forget ? 0 : ring.length - 1;
  const resealed = await withDatabase(ctx, { migrate: false }, (db) => resealAll(db, box, kept));
  if (forget) writeKeyRing(ctx.config.dataDir, [ring[0]!]);
  ctx.out(ctx.t('cli.keys.rotated', { keyId: box.currentKeyId, count: resealed }));
  ctx.out(ctx.t(forget ? 'cli.keys.forgotten' : 'cli.keys.keptPrevious', { count: kept }));
  return EXIT.ok;
};
