import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from '../units/schema';
import { users } from '../users/schema';

// Tokens with which a one-stop or document system writes a unit's registers. Only the
// SHA-256 of a token is kept; the token itself is shown once, when it is made.
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    // The first characters, so an administrator can tell tokens apart.
    prefix: text('prefix').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    lastUsedIp: text('last_used_ip'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('api_tokens_unit_idx').on(t.unitId)],
);
