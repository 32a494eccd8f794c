// The audit log's hash chain, pure: how an entry is written down (canonical JSON) and
// hashed with the hash before it, and a checker that walks the entries in order and
// names the first one that does not fit. The server stores and reads; this decides.

import { sha256Hex } from './sha256';

/** A JSON value as stored in the log (jsonb). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One entry of the log, as stored: every field the hash covers. */
export interface AuditFields {
  /** The row's id: a deleted or moved row breaks the chain. */
  readonly id: number;
  /** ISO 8601 instant (`Date.toISOString()`). */
  readonly at: string;
  readonly actorUserId: number | null;
  readonly unitId: number | null;
  /** What was changed: `assessment_sheet`, `assessment_entry`, `assessment_result`, … */
  readonly entity: string;
  readonly entityId: string;
  /** What happened: `submit`, `self_points`, `appraise`, `publish`, … */
  readonly action: string;
  readonly field: string | null;
  readonly oldValue: JsonValue;
  readonly newValue: JsonValue;
  readonly reason: string | null;
}

export interface AuditEntry extends AuditFields {
  readonly prevHash: string;
  readonly hash: string;
}

/** A hash function over text (UTF-8): the pure one by default, node:crypto's on the server. */
export type Hasher = (text: string) => string;

/**
 * JSON with object keys sorted (by UTF-16 code units) and no spaces; `undefined`
 * properties are left out, as JSON.stringify does. Numbers are written as JSON does,
 * which PostgreSQL's jsonb reads back to the same number.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

/** The text an entry's hash is taken over: its fields and the previous hash, canonical. */
export function entryText(fields: AuditFields, prevHash: string): string {
  return canonicalJson({
    id: fields.id,
    at: fields.at,
    actorUserId: fields.actorUserId,
    unitId: fields.unitId,
    entity: fields.entity,
    entityId: fields.entityId,
    action: fields.action,
    field: fields.field,
    oldValue: fields.oldValue,
    newValue: fields.newValue,
    reason: fields.reason,
    prevHash,
  });
}

export function entryHash(fields: AuditFields, prevHash: string, hasher: Hasher = sha256Hex): string {
  return hasher(entryText(fields, prevHash));
}

export type ChainBreak = 'prev_hash' | 'hash' | 'order';

export interface BrokenLink {
  readonly id: number;
  readonly reason: ChainBreak;
  /** Vietnamese, for the admin page and the command line. */
  readonly message: string;
}

export type ChainReport =
  // The last hash, kept elsewhere, is what reveals entries deleted from the end.
  | { ok: true; count: number; lastHash: string }
  | { ok: false; brokenAt: number; reason: ChainBreak; message: string; count: number };

/**
 * Checks entries one at a time, in id order (feed it page by page): each must point to
 * the hash of the one before and hash to what it says. The first that does not is named.
 */
export function createChainChecker(hasher: Hasher = sha256Hex) {
  let previousHash = GENESIS_HASH;
  let previousId = 0;
  let count = 0;
  let broken: BrokenLink | null = null;
  return {
    /** Returns the break this entry makes (and remembers the first), or null. */
    push(entry: AuditEntry): BrokenLink | null {
      if (broken) return broken;
      count += 1;
      let found: BrokenLink | null = null;
      if (entry.id <= previousId) {
        found = {
          id: entry.id,
          reason: 'order',
          message: `Mục #${entry.id} đứng sau mục #${previousId}: thứ tự nhật ký bị thay đổi`,
        };
      } else if (entry.prevHash !== previousHash) {
        found = {
          id: entry.id,
          reason: 'prev_hash',
          message: `Mục #${entry.id} không nối với mục trước nó (mã băm trước không khớp): có mục bị xoá, chèn hoặc sửa`,
        };
      } else if (entryHash(entry, entry.prevHash, hasher) !== entry.hash) {
        found = {
          id: entry.id,
          reason: 'hash',
          message: `Nội dung mục #${entry.id} đã bị sửa sau khi ghi (mã băm không khớp)`,
        };
      }
      previousHash = entry.hash;
      previousId = entry.id;
      if (found) broken = found;
      return found;
    },
    report(): ChainReport {
      return broken
        ? { ok: false, brokenAt: broken.id, reason: broken.reason, message: broken.message, count }
        : { ok: true, count, lastHash: previousHash };
    },
  };
}

/** Checks a whole chain held in memory. */
export function verifyChain(entries: Iterable<AuditEntry>, hasher: Hasher = sha256Hex): ChainReport {
  const checker = createChainChecker(hasher);
  for (const entry of entries) if (checker.push(entry)) break;
  return checker.report();
}
