import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log: each row stores the hash of its predecessor,
 * so altering or deleting a row breaks the chain at that row.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrganisationId: uuid('actor_organisation_id'),
    commandId: uuid('command_id'),
    requestId: text('request_id'),
    targetType: text('target_type'),
    targetIds: text('target_ids').array().notNull().default(sql`'{}'::text[]`),
    /** Names of fields, codes and counts only: never a value of personal data. */
    data: jsonb('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_type_idx').on(t.type, t.occurredAt),
    // A case's access log (rights export) finds every event naming the case.
    index('audit_events_target_ids_idx').using('gin', t.targetIds),
  ],
);

/** The chain's head: locking it serialises appends, and it detects deleted tail rows. */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: smallint('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_chain_head_singleton', sql`${t.id} = 1`)],
);
