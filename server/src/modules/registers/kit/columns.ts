import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { foldText } from '#core/text';
import { fieldList, type RegisterDefinition } from './definition';
import type { DbColumn, DbValue } from './fields';

// How a register's records map to its table: the columns written, a record's values for
// them, the natural key's columns, and the SQL names. Column names come from the register
// definitions (constants), never from requests; values always travel as parameters.

export const T = sql`${sql.identifier('t')}`;

export function tableName<R, C>(def: RegisterDefinition<R, C>): string {
  return getTableConfig(def.table).name;
}

export const tableOf = <R, C>(def: RegisterDefinition<R, C>) => sql.identifier(tableName(def));

const WRITE_COLUMNS = new WeakMap<object, readonly DbColumn[]>();

/** The columns a record is written to: its fields', then derived ones, then `search`. */
export function writeColumns<R, C>(def: RegisterDefinition<R, C>): readonly DbColumn[] {
  const cached = WRITE_COLUMNS.get(def);
  if (cached) return cached;
  const columns = fieldList(def).flatMap(({ field }) => field.write);
  if (def.derived) columns.push(...def.derived.columns);
  if (def.searchText) columns.push({ name: 'search', type: 'text' });
  WRITE_COLUMNS.set(def, columns);
  return columns;
}

/** A record's values, aligned with `writeColumns`. */
export function writeValues<R, C>(def: RegisterDefinition<R, C>, record: R): DbValue[] {
  const values: DbValue[] = [];
  for (const { key, field } of fieldList(def)) values.push(...field.toDb(record[key]));
  if (def.derived) values.push(...def.derived.values(record));
  if (def.searchText) values.push(searchOf(def.searchText(record)));
  return values;
}

// Registers repeat the same procedure names, fields and people: their folded forms are
// remembered (up to a bound) so an import of a million rows folds each text about once.
const folded = new Map<string, string>();
const MAX_FOLDED = 20_000;

function foldOnce(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = foldText(text);
    if (folded.size >= MAX_FOLDED) folded.clear();
    folded.set(text, out);
  }
  return out;
}

/** The folded search text of a record's searchable parts (codes are folded without memory). */
function searchOf(parts: readonly string[]): string {
  return parts
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? foldText(p) : foldOnce(p)))
    .join(' ');
}

export function naturalKeyColumns<R, C>(def: RegisterDefinition<R, C>): readonly string[] {
  if (def.keyColumns) return def.keyColumns;
  return def.naturalKey.flatMap((key) => {
    const write = def.fields[key].write;
    // A moment field is keyed by its instant, not by whether it carries a time.
    return write.slice(0, 1).map((c) => c.name);
  });
}

export const ids = (names: readonly string[], prefix?: SQL) =>
  sql.join(
    names.map((n) => (prefix ? sql`${prefix}.${sql.identifier(n)}` : sql.identifier(n))),
    sql`, `,
  );

/** A PostgreSQL array literal, `{"a","b\\"c",NULL}`: cheaper to build here than in the drivers. */
export function arrayLiteral(values: readonly DbValue[]): string {
  const parts = values.map((v) => {
    if (v === null) return 'NULL';
    if (typeof v === 'boolean') return v ? 't' : 'f';
    const text = String(v);
    const escaped =
      text.includes('"') || text.includes('\\') ? text.replace(/[\\"]/g, (ch) => `\\${ch}`) : text;
    return `"${escaped}"`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * `select * from unnest(…)`: many rows in one statement, one parameter per column, each
 * an array literal sent as text (so both drivers pass it through untouched).
 */
