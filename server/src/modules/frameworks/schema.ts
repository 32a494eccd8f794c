import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { FrameworkJson } from '#core/framework/index';
import { units } from '../units/schema';
import { users } from '../users/schema';

/**
 * A framework (bộ chỉ số) of one year for one level of units, defined by the unit that
 * appraises them. Versioned: a published version is never edited; a change is a copy.
 */
export const frameworks = pgTable(
  'frameworks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    // The whole tree as the core's JSON form (decimals as strings): edited and versioned as one.
    definition: jsonb('definition').$type<FrameworkJson>().notNull(),
    copiedFromId: integer('copied_from_id').references((): AnyPgColumn => frameworks.id),
    createdBy: integer('created_by').references(() => users.id),
    publishedBy: integer('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('frameworks_version_idx').on(t.ownerUnitId, t.year, t.level, t.version),
    index('frameworks_year_level_idx').on(t.year, t.level),
    check('frameworks_status_check', sql`${t.status} in ('draft', 'published')`),
    check('frameworks_year_check', sql`${t.year} between 2000 and 2100`),
  ],
);
