import { type SQL, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { foldText } from '#core/text';
import { type Db, queryRows } from '../../../db/client';
import { fieldList, type RegisterDefinition } from './definition';
import type { DbColumn, DbValue } from './fields';

// All SQL of the generic register kit. Column names come from the register definitions
// (constants), never from requests; values always travel as parameters.

const STAGING = sql.identifier('register_import');
const T = sql`${sql.identifier('t')}`;

export function tableName<R, C>(def: RegisterDefinition<R, C>): string {
  return getTableConfig(def.table).name;
}

const tableOf = <R, C>(def: RegisterDefinition<R, C>) => sql.identifier(tableName(def));

/** The columns a record is written to: its fields', then derived ones, then `search`. */
export function writeColumns<R, C>(def: RegisterDefinition<R, C>): DbColumn[] {
  const columns = fieldList(def).flatMap(({ field }) => field.write);
  if (def.derived) columns.push(...def.derived.columns);
  if (def.searchText) columns.push({ name: 'search', type: 'text' });
  return columns;
}

/** A record's values, aligned with `writeColumns`. */
export function writeValues<R, C>(def: RegisterDefinition<R, C>, record: R): DbValue[] {
  const values = fieldList(def).flatMap(({ key, field }) => field.toDb(record[key]));
  if (def.derived) values.push(...def.derived.values(record));
  if (def.searchText) values.push(foldText(def.searchText(record)));
  return values;
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

/** `select * from unnest($1::text[], …)`: many rows in one statement, one parameter per column. */
function unnestOf(columns: readonly DbColumn[], rows: readonly DbValue[][], withRow: number[] | null): SQL {
  const arrays = columns.map(
    (c, i) => sql`${sql.param(rows.map((r) => r[i] ?? null))}::${sql.raw(c.type)}[]`,
  );
  if (withRow) arrays.unshift(sql`${sql.param(withRow)}::integer[]`);
  const names = [...(withRow ? ['_row'] : []), ...columns.map((c) => c.name)];
  return sql`select * from unnest(${sql.join(arrays, sql`, `)}) as s(${ids(names)})`;
}

/** Inserts new rows and updates changed ones by natural key; rows already equal are left alone. */
function upsertFrom<R, C>(def: RegisterDefinition<R, C>, unitId: number, source: SQL, now: Date): SQL {
  const columns = writeColumns(def).map((c) => c.name);
  const key = naturalKeyColumns(def);
  const set = sql.join(
    columns.map((c) => sql`${sql.identifier(c)} = excluded.${sql.identifier(c)}`),
    sql`, `,
  );
  return sql`with up as (
    insert into ${tableOf(def)} as ${T} (unit_id, ${ids(columns)}, created_at, updated_at)
    select ${unitId}::integer, ${ids(columns, sql`s`)}, ${now}::timestamptz, ${now}::timestamptz from (${source}) s
    on conflict (unit_id, ${ids(key)}) do update set ${set}, updated_at = excluded.updated_at
    where (${ids(columns, T)}) is distinct from (${ids(columns, sql`excluded`)})
    returning (xmax = 0) as inserted
  ) select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated from up`;
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

// ---- Import staging: the rows of a file, checked in SQL before they are stored.

/** A temporary table for one import; it disappears with the transaction. */
export async function createStaging<R, C>(db: Db, def: RegisterDefinition<R, C>): Promise<void> {
  const columns = writeColumns(def).map((c) => sql`${sql.identifier(c.name)} ${sql.raw(c.type)}`);
  await db.execute(
    sql`create temporary table ${STAGING} (_row integer not null, ${sql.join(columns, sql`, `)}) on commit drop`,
  );
}

export async function insertStaging<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  rows: readonly { row: number; values: DbValue[] }[],
): Promise<void> {
  if (rows.length === 0) return;
  const source = unnestOf(
    writeColumns(def),
    rows.map((r) => r.values),
    rows.map((r) => r.row),
  );
  await db.execute(sql`insert into ${STAGING} ${source}`);
}

/** Rows of the file that repeat a natural key, each with the rows it repeats. */
export async function stagedDuplicates<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  limit: number,
): Promise<number[][]> {
  const key = naturalKeyColumns(def);
  const rows = await queryRows<{ rows: number[] }>(
    db,
    sql`select array_agg(_row order by _row) as rows from ${STAGING}
        group by ${ids(key)} having count(*) > 1 order by min(_row) limit ${limit}`,
  );
  return rows.map((r) => r.rows.map(Number));
}

export async function upsertStaged<R, C>(
  db: Db,
  def: RegisterDefinition<R, C>,
  unitId: number,
  now: Date,
): Promise<UpsertCounts> {
  const columns = writeColumns(def).map((c) => c.name);
  return counts(db, upsertFrom(def, unitId, sql`select ${ids(columns)} from ${STAGING} order by _row`, now));
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
