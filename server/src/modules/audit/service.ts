import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, like, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type AuditEntry,
  type ChainReport,
  createChainChecker,
  entryHash,
  GENESIS_HASH,
  type Hasher,
  type JsonValue,
} from '#core/assessment/audit-chain';
import type { Db } from '../../db/client';
import { queryRows } from '../../db/client';
import { auditLog } from './schema';

// The tamper-evident audit log. `appendAudit` runs inside the caller's transaction, so a
// change and its record commit (or roll back) together; an advisory lock held to the end
// of that transaction makes every append wait for the one before, so the chain is a line.

/** node:crypto's SHA-256: the same digest as core's pure one, faster. */
export const nodeSha256: Hasher = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// Any fixed number, distinct from the migration lock's.
const AUDIT_LOCK_KEY = 4_731_020_44;

export interface AuditInput {
  at: Date;
  actorUserId: number | null;
  unitId: number | null;
  entity: string;
  entityId: string | number;
  action: string;
  field?: string | null;
  oldValue?: JsonValue | undefined;
  newValue?: JsonValue | undefined;
  reason?: string | null;
}

/** JSON as jsonb gives it back: undefined properties dropped, -0 as 0, dates as text. */
function storable(value: JsonValue | undefined): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

/**
 * Appends entries to the log. Call it with the transaction (`tx`) that makes the change:
 * the entries commit with it. Returns the ids given.
 */
export async function appendAudit(tx: Db, ...entries: AuditInput[]): Promise<number[]> {
  if (entries.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const ids: number[] = [];
  for (const entry of entries) {
    const [{ id } = { id: 0 }] = await queryRows<{ id: string | number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`,
    ).then((rows) => rows.map((r) => ({ id: Number(r.id) })));
    const fields = {
      id,
      at: entry.at.toISOString(),
      actorUserId: entry.actorUserId,
      unitId: entry.unitId,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      field: entry.field ?? null,
      oldValue: storable(entry.oldValue),
      newValue: storable(entry.newValue),
      reason: entry.reason ?? null,
    };
    const hash = entryHash(fields, prevHash, nodeSha256);
    await tx.insert(auditLog).values({
      id,
      at: entry.at,
      actorUserId: fields.actorUserId,
      unitId: fields.unitId,
      entity: fields.entity,
      entityId: fields.entityId,
      action: fields.action,
      field: fields.field,
      // jsonb null and SQL NULL read back alike (null); store SQL NULL.
      oldValue: fields.oldValue === null ? sql`null` : fields.oldValue,
      newValue: fields.newValue === null ? sql`null` : fields.newValue,
      reason: fields.reason,
      prevHash,
      hash,
    });
    ids.push(id);
    prevHash = hash;
  }
  return ids;
}

const PAGE = 2000;

/**
 * The columns as stored. The JSON values are read as text and parsed here: a driver may
 * parse a jsonb string twice ("0" coming back as the number 0), which would break hashes.
 */
const storedColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  unitId: auditLog.unitId,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  action: auditLog.action,
  field: auditLog.field,
  oldValue: sql<string | null>`${sql.raw('"audit_log"."old_value"::text')}`,
  newValue: sql<string | null>`${sql.raw('"audit_log"."new_value"::text')}`,
  reason: auditLog.reason,
  prevHash: auditLog.prevHash,
  hash: auditLog.hash,
};

type StoredRow = {
  [K in keyof typeof storedColumns]: K extends 'oldValue' | 'newValue'
    ? string | null
    : (typeof auditLog.$inferSelect)[K & keyof typeof auditLog.$inferSelect];
};

const parsed = (text: string | null): JsonValue => (text === null ? null : (JSON.parse(text) as JsonValue));

function toEntry(row: StoredRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    unitId: row.unitId,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    field: row.field,
    oldValue: parsed(row.oldValue),
    newValue: parsed(row.newValue),
    reason: row.reason,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export type AuditVerification = ChainReport;

/**
 * Walks the whole log in id order, a page at a time, and checks every link. Reports the
 * count when intact, else the first entry that breaks the chain and why.
 */
export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  const checker = createChainChecker(nodeSha256);
  let after = 0;
  for (;;) {
    const rows = await db
      .select(storedColumns)
      .from(auditLog)
      .where(gt(auditLog.id, after))
      .orderBy(asc(auditLog.id))
      .limit(PAGE);
    for (const row of rows) {
      if (checker.push(toEntry(row))) return checker.report();
    }
    if (rows.length < PAGE) return checker.report();
    after = rows[rows.length - 1]?.id ?? after;
  }
}

export interface AuditRow {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  unitId: number | null;
  entity: string;
  entityId: string;
  action: string;
  field: string | null;
  oldValue: JsonValue;
  newValue: JsonValue;
  reason: string | null;
  hash: string;
}

/** The newest entries first, filtered; `before` pages back by id. */
export async function listAudit(
  db: Db,
  filter: {
    unitId?: number;
    entity?: string;
    entityId?: string;
    before?: number;
    limit: number;
    /** Only entries of units under this path (and entries of no unit). */
    pathPrefix?: string;
    /** Only entries about these things: an entity and its id, or ids starting with a prefix. */
    of?: { entity: string; entityId?: string; entityIdPrefix?: string }[];
    exceptActions?: string[];
  },
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.pathPrefix !== undefined) {
    where.push(
      sql`(${auditLog.unitId} is null or exists (select 1 from units u where u.id = ${auditLog.unitId} and u.path like ${`${filter.pathPrefix}%`}))`,
    );
  }
  if (filter.unitId !== undefined) where.push(eq(auditLog.unitId, filter.unitId));
  if (filter.entity !== undefined) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId !== undefined) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.before !== undefined) where.push(lt(auditLog.id, filter.before));
  if (filter.of !== undefined) {
    const any = filter.of.map((o) =>
      o.entityIdPrefix !== undefined
        ? and(eq(auditLog.entity, o.entity), like(auditLog.entityId, `${o.entityIdPrefix}%`))
        : and(eq(auditLog.entity, o.entity), eq(auditLog.entityId, o.entityId ?? '')),
    );
    where.push(or(...any) as SQL);
  }
  if (filter.exceptActions?.length) where.push(notInArray(auditLog.action, filter.exceptActions));
  const rows = await db
    .select({
      ...storedColumns,
      actorName: sql<string | null>`(select full_name from users where users.id = ${auditLog.actorUserId})`,
    })
    .from(auditLog)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map(({ actorName, ...row }) => {
    const e = toEntry(row);
    return {
      id: e.id,
      at: e.at,
      actorUserId: e.actorUserId,
      actorName,
      unitId: e.unitId,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      field: e.field,
      oldValue: e.oldValue,
      newValue: e.newValue,
      reason: e.reason,
      hash: e.hash,
    };
  });
}
