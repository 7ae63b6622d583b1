import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { blindIndexKeys } from '../db/schema/index.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * Blind indexes: an HMAC-SHA-256 of a normalised value, so that equal values (a phone number,
 * a document number, a duplicate-detection blocking key) are found by an index look-up while
 * the database holds none of them. The HMAC key is its own random key, stored sealed by the
 * secret box: a rotation of the secret key re-seals it and every index stays valid; a stolen
 * database without the secret key cannot even test a guess.
 *
 * 128 bits of the HMAC are kept: collisions stay out of reach at any national volume and the
 * index is half the size.
 */
const KEY_ID = 'v1';
export const blindIndexKeyContext = (id: string) => `blind-index-key:${id}`;

export class BlindIndexer {
  constructor(private readonly key: Buffer) {}

  hmac(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(kind).update('\u0000').update(value).digest().subarray(0, 16).toString('base64url');
  }
}

/** Opened keys, per secret box (a box that cannot open a key must not borrow it from another). */
const opened = new WeakMap<SecretBox, Map<string, BlindIndexer>>();

/** The blind-index key of this database, created on first need (inside the caller's transaction). */
export async function blindIndexer(db: Db | Tx, box: SecretBox): Promise<BlindIndexer> {
  let [row] = await db.select().from(blindIndexKeys).where(eq(blindIndexKeys.id, KEY_ID));
  if (!row) {
    await db
      .insert(blindIndexKeys)
      .values({ id: KEY_ID, sealed: box.seal(randomBytes(32), blindIndexKeyContext(KEY_ID)), createdAt: new Date() })
      .onConflictDoNothing();
    [row] = await db.select().from(blindIndexKeys).where(eq(blindIndexKeys.id, KEY_ID));
  }
  const sealed = row!.sealed;
  let byBox = opened.get(box);
  if (!byBox) opened.set(box, (byBox = new Map()));
  let indexer = byBox.get(sealed);
  if (!indexer) {
    indexer = new BlindIndexer(box.open(sealed, blindIndexKeyContext(KEY_ID)));
    byBox.set(sealed, indexer);
  }
  return indexer;
}
