import { eq } from 'drizzle-orm';
import { SYSTEM_CLI } from '../../domain/identity/actor.ts';
import { appendAudit } from '../audit/append.ts';
import type { Db, Tx } from '../db/client.ts';
import { activityParticipants, blindIndexKeys, cases, userTotp } from '../db/schema/index.ts';
import { participantNameContext } from '../activities/participant-name.ts';
import { blindIndexKeyContext } from './blind-index.ts';
import { caseKeyContext } from './envelope.ts';
import { totpSecretContext } from '../identity/totp.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * Every column that holds values sealed by the secret box, with how to re-seal them. A
 * feature that stores a sealed value adds itself here, so that a key rotation leaves nothing
 * behind under the old key (a test fails for a sealed column missing from this list).
 */
interface SealedColumns {
  table: string;
  /** Sealed values still under an older key, re-sealed under the current one; returns how many. */
  reseal(tx: Tx, box: SecretBox): Promise<number>;
  /** Sealed values by key id, for `sira keys status`. */
  count(db: Db, box: SecretBox): Promise<Map<string, number>>;
}

const keyIdOfSealed = (sealed: string) => sealed.split('.')[1] ?? '?';

const totpSecrets: SealedColumns = {
  table: 'user_totp',
  async reseal(tx, box) {
    let n = 0;
    const rows = await tx.select().from(userTotp).for('update');
    for (const row of rows) {
      const context = totpSecretContext(row.userId);
      const update: { secret?: string; pendingSecret?: string } = {};
      if (row.secret && box.isStale(row.secret)) update.secret = box.seal(box.open(row.secret, context), context);
      if (row.pendingSecret && box.isStale(row.pendingSecret)) update.pendingSecret = box.seal(box.open(row.pendingSecret, context), context);
      const changed = Object.keys(update).length;
      if (changed > 0) {
        await tx.update(userTotp).set(update).where(eq(userTotp.userId, row.userId));
        n += changed;
      }
    }
    return n;
  },
  async count(db) {
    const byKey = new Map<string, number>();
    for (const row of await db.select({ secret: userTotp.secret, pending: userTotp.pendingSecret }).from(userTotp)) {
      for (const sealed of [row.secret, row.pending]) if (sealed) byKey.set(keyIdOfSealed(sealed), (byKey.get(keyIdOfSealed(sealed)) ?? 0) + 1);
    }
    return byKey;
  },
};

/** A column of sealed values, one per row, each opened by a context derived from the row. */
function sealedColumn<T extends { id: string; sealed: string | null }>(
  table: string,
  read: (db: Db | Tx, lock: boolean) => Promise<T[]>,
  write: (tx: Tx, id: string, sealed: string) => Promise<void>,
  context: (id: string) => string,
): SealedColumns {
  return {
    table,
    async reseal(tx, box) {
      let n = 0;
      for (const row of await read(tx, true)) {
        if (!row.sealed || !box.isStale(row.sealed)) continue;
        await write(tx, row.id, box.seal(box.open(row.sealed, context(row.id)), context(row.id)));
        n++;
      }
      return n;
    },
    async count(db) {
      const byKey = new Map<string, number>();
      for (const row of await read(db, false)) if (row.sealed) byKey.set(keyIdOfSealed(row.sealed), (byKey.get(keyIdOfSealed(row.sealed)) ?? 0) + 1);
      return byKey;
    },
  };
}

/** Envelope encryption: only each case's data key is sealed by the box; the identity under it stays as it is. */
const caseDataKeys = sealedColumn(
  'cases',
  async (db, lock) => {
    const q = db.select({ id: cases.id, sealed: cases.dataKey }).from(cases);
    return lock ? q.for('update') : q;
  },
  async (tx, id, sealed) => {
    await tx.update(cases).set({ dataKey: sealed }).where(eq(cases.id, id));
  },
  caseKeyContext,
);

const blindIndexKeyColumn = sealedColumn(
  'blind_index_keys',
  async (db, lock) => {
    const q = db.select({ id: blindIndexKeys.id, sealed: blindIndexKeys.sealed }).from(blindIndexKeys);
    return lock ? q.for('update') : q;
  },
  async (tx, id, sealed) => {
    await tx.update(blindIndexKeys).set({ sealed }).where(eq(blindIndexKeys.id, id));
  },
  blindIndexKeyContext,
);

const participantNames = sealedColumn(
  'activity_participants',
  async (db, lock) => {
    const q = db.select({ id: activityParticipants.id, sealed: activityParticipants.nameSealed }).from(activityParticipants);
    return lock ? q.for('update') : q;
  },
  async (tx, id, sealed) => {
    await tx.update(activityParticipants).set({ nameSealed: sealed }).where(eq(activityParticipants.id, id));
  },
  participantNameContext,
);

export const SEALED_COLUMNS: readonly SealedColumns[] = [totpSecrets, caseDataKeys, blindIndexKeyColumn, participantNames];

/**
 * Re-seals, in one transaction, every value still sealed by an older key: either all are
 * re-sealed or none, and the rotation is audited with the new key's id (never a key).
 */
export async function resealAll(db: Db, box: SecretBox, previousKeysKept: number): Promise<number> {
  return db.transaction(async (tx) => {
    let resealed = 0;
    for (const columns of SEALED_COLUMNS) resealed += await columns.reseal(tx, box);
    await appendAudit(tx, {
      type: 'system.keys_rotated',
      actor: SYSTEM_CLI,
      requestId: 'cli-keys-rotate',
      targetType: null,
      targetIds: [],
      data: { keyId: box.currentKeyId, resealed, previousKeysKept },
    });
    return resealed;
  });
}

/** How many sealed values each key protects, across every sealed column. */
export async function sealedValuesByKey(db: Db, box: SecretBox): Promise<Map<string, number>> {
  const total = new Map<string, number>();
  for (const columns of SEALED_COLUMNS) for (const [k, n] of await columns.count(db, box)) total.set(k, (total.get(k) ?? 0) + n);
  return total;
}
