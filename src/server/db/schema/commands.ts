import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row per applied command id: what makes a replayed command a no-op. */
export const commandLog = pgTable('command_log', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  actorUserId: uuid('actor_user_id'),
  /** SHA-256 of the canonical input: the same id with another input is a conflict. */
  inputHash: text('input_hash').notNull(),
  result: jsonb('result'),
  appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
});
