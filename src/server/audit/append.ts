import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { type AuditEventData, type AuditEventType, auditEventData } from '../../domain/audit/events.ts';
import { type Actor, actorOrganisationId, actorUserId } from '../../domain/identity/actor.ts';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { auditEvents } from '../db/schema/index.ts';
import { auditHash } from './hash.ts';

export interface AuditEntry<T extends AuditEventType> {
  type: T;
  actor: Actor | null;
  data: AuditEventData<T>;
  commandId?: string | null;
  requestId?: string | null;
  targetType?: string | null;
  targetIds?: string[];
}

/**
 * Appends one event to the hash chain, inside the caller's transaction so that the event
 * and the change it records commit together. Locking the head row serialises appends.
 */
export async function appendAudit<T extends AuditEventType>(tx: DbOrTx, entry: AuditEntry<T>): Promise<void> {
  const data = auditEventData[entry.type].parse(entry.data);
  const [current] = await queryRows<{ seq: string | number; hash: string }>(tx, sql`select seq, hash from audit_chain_head where id = 1 for update`);
  if (!current) throw new Error('audit chain head is missing: database not migrated');
  const row = {
    seq: Number(current.seq) + 1,
    id: uuidv7(),
    occurredAt: new Date(),
    type: entry.type,
    actorUserId: entry.actor ? actorUserId(entry.actor) : null,
    actorOrganisationId: entry.actor ? actorOrganisationId(entry.actor) : null,
    commandId: entry.commandId ?? null,
    requestId: entry.requestId ?? null,
    targetType: entry.targetType ?? null,
    targetIds: entry.targetIds ?? [],
    data,
    prevHash: current.hash,
  };
  const hash = auditHash(row);
  await tx.insert(auditEvents).values({ ...row, hash });
  await tx.execute(sql`update audit_chain_head set seq = ${row.seq}, hash = ${hash} where id = 1`);
}
