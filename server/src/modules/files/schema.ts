import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units } from '../units/schema';
import { users } from '../users/schema';

// Evidence files (tài liệu kiểm chứng). The bytes live on disk under DATA_DIR/files,
// named by their SHA-256, so the same scan uploaded twice is stored once; each upload
// is its own row, owned by a unit, and other modules link rows to what they prove
// (plan tasks now, assessment criteria later).
export const files = pgTable(
  'files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_unit_idx').on(t.unitId), index('files_sha256_idx').on(t.sha256)],
);
