import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../../db/client';
import { arrayLiteral, ids, naturalKeyColumns, T, tableOf, writeColumns, writeValues } from './columns';
import type { RegisterDefinition } from './definition';
import type { DbColumn, DbValue } from './fields';

// Writing many records at once: the upsert by natural key (equal rows are left alone),
// for records in memory and for an import's batches.

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
