import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { JsonValue } from '#core/assessment/audit-chain';
import { units } from '../units/schema';
import { users } from '../users/schema';

/**
 * Every change of points or state (who, when, what, old, new, why), append only. Each row
 * carries the hash of the row before it and its own hash over its fields and that hash
 * (core/assessment/audit-chain.ts): a row changed, removed or inserted later breaks the
 * chain at that row, which `chiso audit verify` names.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    unitId: integer('unit_id').references(() => units.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    field: text('field'),
    oldValue: jsonb('old_value').$type<JsonValue>(),
    newValue: jsonb('new_value').$type<JsonValue>(),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_unit_idx').on(t.unitId, t.id),
    index('audit_log_entity_idx').on(t.entity, t.entityId, t.id),
  ],
);
