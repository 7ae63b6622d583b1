import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditChainHead, auditEvents } from '../db/schema/index.ts';
import { GENESIS_HASH, auditHash } from './hash.ts';

export type ChainBreak = 'hash_mismatch' | 'prev_mismatch' | 'gap' | 'head_mismatch';

export type VerifyResult =
  | { ok: true; count: number }
  | { ok: false; count: number; seq: number; id: string | null; reason: ChainBreak };

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of rows) {
      if (row.seq !== expectedSeq) return { ok: false, count, seq: expectedSeq, id: null, reason: 'gap' };
      if (row.prevHash !== prevHash) return { ok: false, count, seq: row.seq, id: row.id, reason: 'prev_mismatch' };
      const { hash, ...fields } = row;
      if (auditHash(fields) !== hash) return { ok: false, count, seq: row.seq, id: row.id, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < batchSize) break;
  }
  const [head] = await db.select().from(auditChainHead);
  if (!head || head.seq !== count || head.hash !== prevHash) {
    return { ok: false, count, seq: count + 1, id: null, reason: 'head_mismatch' };
  }
  return { ok: true, count };
}
