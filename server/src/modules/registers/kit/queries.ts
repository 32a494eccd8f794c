import { type SQL, sql } from 'drizzle-orm';
import { foldText } from '#core/text';
import { type Db, queryRows } from '../../../db/client';
import { ids, naturalKeyColumns, T, tableOf, writeColumns, writeValues } from './columns';
import { fieldList, type RegisterDefinition } from './definition';

// Reading a register's records (lists, pages for an export, one record) and writing one
// record at a time (the form). Every statement is scoped to one unit.

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
