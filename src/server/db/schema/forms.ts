import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Questionnaires. A form is a stable identity (its XLSForm `form_id` as `form_key`); each
 * import or edit is a new numbered version whose definition never changes afterwards, so
 * answers stored against a version always validate against the definition they were
 * collected with. Definitions are templates: they hold no personal data.
 */
export const forms = pgTable(
  'forms',
  {
    id: uuid('id').primaryKey(),
    formKey: text('form_key').notNull(),
    /** Title of the latest version, by language code, for lists. */
    title: jsonb('title').notNull(),
    latestVersion: integer('latest_version').notNull(),
    /** The version new submissions use; null until one is published. */
    publishedVersion: integer('published_version'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('forms_form_key_idx').on(t.formKey)],
);

export const formVersions = pgTable(
  'form_versions',
  {
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.formId, t.version] }),
    check('form_versions_status_check', sql`${t.status} in ('draft','published','retired')`),
    check('form_versions_version_check', sql`${t.version} >= 1`),
  ],
);


