import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { foldText } from '#core/text';
import { type Db, queryRows } from '../../../db/client';
import { fieldList, type RegisterDefinition } from './definition';
import type { DbColumn, DbValue } from './fields';

// All SQL of the generic register kit. Column names come from the register definitions
// (constants), never from requests; values always travel as parameters.

const T = sql`${sql.identifier('t')}`;

export function tableName<R, C>(def: RegisterDefinition<R, C>): string {
  return getTableConfig(def.table).name;
}

const tableOf = <R, C>(def: RegisterDefinition<R, C>) => sql.identifier(tableName(def));

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

function naturalKeyColumns<R, C>(def: RegisterDefinition<R, C>): readonly string[] {
  if (def.keyColumns) return def.keyColumns;
  return def.naturalKey.flatMap((key) => {
    const write = def.fields[key].write;
    // A moment field is keyed by its instant, not by whether it carries a time.
    return write.slice(0, 1).map((c) => c.name);
  });
}

const ids = (names: readonly string[], prefix?: SQL) =>
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
function unnestOf(columns: readonly DbColumn[], rows: readonly DbValue[][], withRow: number[] | null): SQL {
  const arrays = columns.map(
    (c, i) => sql`${sql.param(arrayLiteral(rows.map((r) => r[i] ?? null)))}::text::${sql.raw(c.type)}[]`,
  );
  if (withRow) arrays.unshift(sql`${sql.param(arrayLiteral(withRow))}::text::integer[]`);
  const names = [...(withRow ? ['_row'] : []), ...columns.map((c) => c.name)];
  return sql`select * from unnest(${sql.join(arrays, sql`, `)}) as s(${ids(names)})`;
}

/**
 * Inserts new rows and updates changed ones by natural key; rows already equal are left
 * alone (not even rewritten). Returns `inserted` for each row written.
 */
function upsertInto<R, C>(def: RegisterDefinition<R, C>, unitId: number, source: SQL, now: Date): SQL {
  const columns = writeColumns(def).map((c) => c.name);
  const key = naturalKeyColumns(def);
  const set = sql.join(
    columns.map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
    sql`, `,
  );
  return sql`insert into ${tableOf(def)} as ${T} (unit_id, ${ids(columns)}, created_at, updated_at)
    select ${unitId}::integer, ${ids(columns, sql`s`)}, ${now}::timestamptz, ${now}::timestamptz from (${source}) s
    on conflict (unit_id, ${ids(key)}) do update set ${set}, updated_at = excluded.updated_at
    where (${ids(columns, T)}) is distinct from (${ids(columns, sql`excluded`)})
    returning (xmax = 0) as inserted`;
}

function upsertFrom<R, C>(def: RegisterDefinition<R, C>, unitId: number, source: SQL, now: Date): SQL {
  return sql`with up as (${upsertInto(def, unitId, source, now)})
    select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
}

async function counts(db: Db, query: SQL): Promise<UpsertCounts> {
  const [row] = await queryRows<UpsertCounts>(db, query);
  return { inserted: row?.inserted ?? 0, updated: row?.updated ?? 0 };
}

/** Upserts records given in memory (one API record, the demo data). */
export async function upsertRecords<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  records: readonly R[],
  now: Date,
): Promise<UpsertCounts> {
  if (records.length === 0) return { inserted: 0, updated: 0 };
  const rows = records.map((r) => writeValues(def, r));
  return counts(db, upsertFrom(def, unitId, unnestOf(writeColumns(def), rows, null), now));
}

// ---- Import: each batch goes straight into the register, inside the import's
// transaction. A temporary table of the keys already seen (its primary key is the
// natural key) catches a key repeated in the file, even in different batches, while
// memory stays flat however long the file is.

const KEYS = sql.identifier('register_import_keys');

function keyColumnTypes<R, C>(def: RegisterDefinition<R, C>): DbColumn[] {
  const all = writeColumns(def);
  return naturalKeyColumns(def).map((name) => {
    const column = all.find((c) => c.name === name);
    if (!column) throw new Error(`key column ${name} is not written`);
    return column;
  });
}

/** A temporary table of the keys of one import; it disappears with the transaction. */
export async function createImportKeys<R, C>(db: Db, def: RegisterDefinition<R, C>): Promise<void> {
  const keys = keyColumnTypes(def);
  const columns = keys.map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)} not null`);
  await db.execute(
    sql`create temporary table ${KEYS} (_row integer not null, ${sql.join(columns, sql`, `)},
        primary key (${ids(keys.map((c) => c.name))})) on commit drop`,
  );
}

export interface BatchResult extends UpsertCounts {
  /** Rows whose key an earlier row of the file already has; they are not written. */
  repeated: number[];
}

/** Writes a batch of file rows in one statement: new keys are upserted, repeated ones named. */
export async function upsertBatch<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  rows: readonly { row: number; values: DbValue[] }[],
  now: Date,
): Promise<BatchResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, repeated: [] };
  const columns = writeColumns(def).map((c) => c.name);
  const key = naturalKeyColumns(def);
  const source = unnestOf(
    writeColumns(def),
    rows.map((r) => r.values),
    rows.map((r) => r.row),
  );
  const [result] = await queryRows<{ inserted: number; updated: number; repeated: number[] | null }>(
    db,
    sql`with s as (${source}),
      k as (insert into ${KEYS} (_row, ${ids(key)}) select _row, ${ids(key)} from s order by _row
            on conflict do nothing returning _row),
      up as (${upsertInto(def, unitId, sql`select ${ids(columns, sql`s`)} from s join k using (_row)`, now)})
    select (select count(*) filter (where inserted) from up)::int as inserted,
           (select count(*) filter (where not inserted) from up)::int as updated,
           (select array_agg(_row order by _row) from s where _row not in (select _row from k)) as repeated`,
  );
  return {
    inserted: result?.inserted ?? 0,
    updated: result?.updated ?? 0,
    repeated: (result?.repeated ?? []).map(Number),
  };
}

/** For each repeated row, the row of the file that first had its key. */
export async function firstRowsOfKeys<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  repeats: readonly { row: number; values: DbValue[] }[],
): Promise<Map<number, number>> {
  if (repeats.length === 0) return new Map();
  const all = writeColumns(def);
  const keys = keyColumnTypes(def);
  const keyValues = (values: DbValue[]) =>
    keys.map((k) => values[all.findIndex((c) => c.name === k.name)] ?? null);
  const probe = unnestOf(
    keys,
    repeats.map((r) => keyValues(r.values)),
    repeats.map((r) => r.row),
  );
  const rows = await queryRows<{ row: number; first: number }>(
    db,
    sql`select p._row as row, k._row as first from (${probe}) p join ${KEYS} k using (${ids(keys.map((c) => c.name))})`,
  );
  return new Map(rows.map((r) => [Number(r.row), Number(r.first)]));
}

// ---- Lists and single records.

export interface ListQuery {
  where: SQL[];
  limit: number;
  offset: number;
}

function readList<R, C>(def: RegisterDefinition<R, C>): SQL {
  const expressions = fieldList(def).flatMap(({ field }) => field.read(T));
  return sql.join(
    expressions.map((e, i) => sql`${e} as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
}

function recordOf<R, C>(def: RegisterDefinition<R, C>, row: Record<string, unknown>): R {
  let i = 0;
  const record: Partial<Record<keyof R, unknown>> = {};
  for (const { key, field } of fieldList(def)) {
    const width = field.read(T).length;
    const values = Array.from({ length: width }, (_, j) => row[`c${i + j}`]);
    record[key] = field.fromDb(values);
    i += width;
  }
  // Every field has been read above.
  return record as R;
}

export interface Stored<R> {
  id: number;
  record: R;
}

function whereOf(unitId: number, where: readonly SQL[]): SQL {
  return sql.join([sql`${T}.unit_id = ${unitId}`, ...where], sql` and `);
}

export async function listRecords<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  query: ListQuery,
): Promise<Stored<R>[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${T}.id, ${readList(def)} from ${tableOf(def)} ${T}
        where ${whereOf(unitId, query.where)}
        order by ${def.order(sql`${T}`)}, ${T}.id desc
        limit ${query.limit} offset ${query.offset}`,
  );
  return rows.map((row) => ({ id: Number(row.id), record: recordOf(def, row) }));
}

export async function countRecords<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  where: readonly SQL[],
): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${tableOf(def)} ${T} where ${whereOf(unitId, where)}`,
  );
  return row?.n ?? 0;
}

/** Pages of a unit's records in list order, for a streamed export. */
export async function* recordPages<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  where: readonly SQL[],
  pageSize = 5000,
): AsyncGenerator<Stored<R>[]> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await listRecords(db, def, unitId, { where: [...where], limit: pageSize, offset });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
  }
}

export async function findRecord<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  id: number,
): Promise<Stored<R> | undefined> {
  const [found] = await listRecords(db, def, unitId, { where: [sql`${T}.id = ${id}`], limit: 1, offset: 0 });
  return found;
}

/** The id of the record holding this natural key, if any. */
export async function findByKey<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  record: R,
): Promise<number | undefined> {
  const all = writeColumns(def);
  const values = writeValues(def, record);
  const conditions = naturalKeyColumns(def).map((name) => {
    const i = all.findIndex((c) => c.name === name);
    return sql`${T}.${sql.identifier(name)} = ${values[i] ?? null}::${sql.raw(all[i]?.type ?? 'text')}`;
  });
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select ${T}.id from ${tableOf(def)} ${T} where ${whereOf(unitId, conditions)}`,
  );
  return row ? Number(row.id) : undefined;
}

export async function insertRecord<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  record: R,
  now: Date,
): Promise<number> {
  const columns = writeColumns(def);
  const values = writeValues(def, record).map((v, i) => sql`${v}::${sql.raw(columns[i]?.type ?? 'text')}`);
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into ${tableOf(def)} (unit_id, ${ids(columns.map((c) => c.name))}, created_at, updated_at)
        values (${unitId}, ${sql.join(values, sql`, `)}, ${now}, ${now}) returning id`,
  );
  if (!row) throw new Error('insert returned no row');
  return Number(row.id);
}

/** Updates a record; false when it is not the unit's. */
export async function updateRecord<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  id: number,
  record: R,
  now: Date,
): Promise<boolean> {
  const columns = writeColumns(def);
  const values = writeValues(def, record);
  const set = columns.map(
    (c, i) => sql`${sql.identifier(c.name)} = ${values[i] ?? null}::${sql.raw(c.type)}`,
  );
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update ${tableOf(def)} ${T} set ${sql.join(set, sql`, `)}, updated_at = ${now}
        where ${whereOf(unitId, [sql`${T}.id = ${id}`])} returning ${T}.id`,
  );
  return rows.length > 0;
}

export async function deleteRecord<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  id: number,
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`delete from ${tableOf(def)} ${T} where ${whereOf(unitId, [sql`${T}.id = ${id}`])} returning ${T}.id`,
  );
  return rows.length > 0;
}

/** Folded words of a search, each to be found in `search` (accent-insensitive). */
export function searchWhere(q: string | undefined): SQL[] {
  return foldText(q ?? '')
    .split(' ')
    .filter(Boolean)
    .map((word) => sql`${T}.search like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
}

export const TABLE_ALIAS = T;
