import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    // Folded copy of the name (no accents, lower case) so "vinh lap" finds "Vĩnh Lập" in SQL.
    nameSearch: text('name_search').notNull(),
    level: text('level', { enum: ['province', 'district', 'commune'] }).notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    // Materialised path of ids, "/1/7/31/": a subtree is one indexed prefix match.
    path: text('path').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_path_idx').using('btree', t.path.op('text_pattern_ops')),
    index('units_parent_idx').on(t.parentId),
    check('units_level_check', sql`${t.level} in ('province', 'district', 'commune')`),
  ],
);
