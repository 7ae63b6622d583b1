import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    type: text('type').notNull(),
    country: text('country').notNull(),
    regionPcodes: text('region_pcodes').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check('organisations_type_check', sql`${t.type} in ('government','ngo','un_international','community_based','private')`),
    check('organisations_country_check', sql`${t.country} ~ '^[A-Z]{2}$'`),
    index('organisations_country_idx').on(t.country),
  ],
);
