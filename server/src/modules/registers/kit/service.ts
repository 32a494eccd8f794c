import type { SQL } from 'drizzle-orm';
import type { Period } from '#core/time/index';
import type { AppContext } from '../../../context';
import { AppError, notFound } from '../../../lib/errors';
import type { TableRow } from '../../../lib/table-file';
import { requireRegisterRead, requireRegisterWrite } from '../../../policy';
import type { AuthUser, Principal } from '../../auth/principal';
import { findUnit } from '../../units/queries';
import { type UpsertCounts, upsertRecords } from './bulk';
import { type FieldError, fieldList, type RegisterDefinition } from './definition';
import type { JsonValue } from './fields';
import { importRows } from './import';
import * as q from './queries';
import { recordFromJson } from './records';

// The use cases every register shares: list, export, add, edit, delete, import. Each
// checks who may do it for which unit before touching a record.

/** A record as the API shows it: its id and each field's JSON value. */
export interface Item {
  readonly id: number;
  readonly [field: string]: JsonValue;
}

export interface ListInput {
  q?: string;
  period?: Period;
  /** Conditions the route adds: register filters, the records behind a KPI. */
  where: SQL[];
  offset: number;
  limit: number;
}

export function itemOf<R, C>(def: RegisterDefinition<R, C>, stored: q.Stored<R>): Item {
  const values = fieldList(def).map(({ key, field }) => [key, field.toJson(stored.record[key])] as const);
  return { ...Object.fromEntries(values), id: stored.id };
}

type UnitRef = { id: number; path: string; name: string };

/** The unit, once the user may read its registers: 404 when it does not exist, 403 out of reach. */
export async function readableUnit(ctx: AppContext, user: AuthUser, unitId: number): Promise<UnitRef> {
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound();
  requireRegisterRead(user, unit.path);
  return unit;
}

/** The unit, once the principal may write its registers. */
export async function writableUnit(ctx: AppContext, principal: Principal, unitId: number): Promise<UnitRef> {
  // A token never learns whether another unit exists.
  if (principal.kind === 'token' && principal.unitId !== unitId) throw new AppError(403, 'auth.outOfScope');
  const unit = await findUnit(ctx.db, unitId);
  if (!unit) throw notFound();
  requireRegisterWrite(principal, unit);
  return unit;
}

function whereOf<R, C>(def: RegisterDefinition<R, C>, input: ListInput): SQL[] {
  const where = [...q.searchWhere(def.searchText ? input.q : undefined), ...input.where];
  const period = input.period && def.periodFilter(q.TABLE_ALIAS, input.period);
  if (period) where.push(period);
  return where;
}

export async function listItems<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  user: AuthUser,
  unitId: number,
  input: ListInput,
): Promise<{ total: number; items: Item[] }> {
  const unit = await readableUnit(ctx, user, unitId);
  const where = whereOf(def, input);
  const [total, rows] = await Promise.all([
    q.countRecords(ctx.db, def, unit.id, where),
    q.listRecords(ctx.db, def, unit.id, { where, limit: input.limit, offset: input.offset }),
  ]);
  return { total, items: rows.map((r) => itemOf(def, r)) };
}

/** The header and rows of an export, read page by page. */
export async function exportItems<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  user: AuthUser,
  unitId: number,
  input: Omit<ListInput, 'offset' | 'limit'>,
): Promise<{ header: string[]; rows: AsyncIterable<(string | number)[]> }> {
  const unit = await readableUnit(ctx, user, unitId);
  const where = whereOf(def, { ...input, offset: 0, limit: 0 });
  const list = fieldList(def);
  async function* rows() {
    for await (const page of q.recordPages(ctx.db, def, unit.id, where)) {
      for (const { record } of page) yield list.map(({ key, field }) => field.toCell(record[key]));
    }
  }
  return { header: list.map(({ field }) => field.header), rows: rows() };
}

function refuseFields(errors: FieldError[]): AppError {
  const details = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new AppError(400, 'registers.invalid', { details }, errors);
}

async function parseBody<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  unitId: number,
  body: Readonly<Record<string, unknown>>,
): Promise<R> {
  const result = recordFromJson(def, body, await def.prepare(ctx.db, unitId));
  if (!result.ok) throw refuseFields(result.errors);
  return result.record;
}

function keyTaken<R, C>(def: RegisterDefinition<R, C>): AppError {
  const fields = def.naturalKey.map((k) => def.fields[k].header).join(', ');
  return new AppError(409, 'registers.keyTaken', { fields });
}

export async function createItem<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  principal: Principal,
  unitId: number,
  body: Readonly<Record<string, unknown>>,
): Promise<Item> {
  const unit = await writableUnit(ctx, principal, unitId);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const record = await parseBody(txCtx, def, unit.id, body);
    if ((await q.findByKey(tx, def, unit.id, record)) !== undefined) throw keyTaken(def);
    const id = await q.insertRecord(tx, def, unit.id, record, ctx.now());
    return itemOf(def, { id, record });
  });
}

/** Changes the fields given; the others keep their values. */
export async function updateItem<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  principal: Principal,
  unitId: number,
  id: number,
  changes: Readonly<Record<string, unknown>>,
): Promise<Item> {
  const unit = await writableUnit(ctx, principal, unitId);
  return ctx.db.transaction(async (tx) => {
    const existing = await q.findRecord(tx, def, unit.id, id);
    if (!existing) throw notFound();
    const merged = { ...itemOf(def, existing), ...changes };
    const record = await parseBody({ ...ctx, db: tx }, def, unit.id, merged);
    const holder = await q.findByKey(tx, def, unit.id, record);
    if (holder !== undefined && holder !== id) throw keyTaken(def);
    await q.updateRecord(tx, def, unit.id, id, record, ctx.now());
    return itemOf(def, { id, record });
  });
}

export async function deleteItem<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  principal: Principal,
  unitId: number,
  id: number,
): Promise<void> {
  const unit = await writableUnit(ctx, principal, unitId);
  await ctx.db.transaction(async (tx) => {
    await def.guardDelete?.(tx, id);
    if (!(await q.deleteRecord(tx, def, unit.id, id))) throw notFound();
  });
}

/** Inserts the record or updates the one with its natural key; `created` tells which. */
export async function upsertItem<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  principal: Principal,
  unitId: number,
  body: Readonly<Record<string, unknown>>,
): Promise<{ created: boolean; item: Item }> {
  const unit = await writableUnit(ctx, principal, unitId);
  return ctx.db.transaction(async (tx) => {
    const record = await parseBody({ ...ctx, db: tx }, def, unit.id, body);
    const counts = await upsertRecords(tx, def, unit.id, [record], ctx.now());
    const id = await q.findByKey(tx, def, unit.id, record);
    if (id === undefined) throw new Error('upserted record vanished');
    return { created: counts.inserted > 0, item: itemOf(def, { id, record }) };
  });
}

export async function importFile<R, C>(
  ctx: AppContext,
  def: RegisterDefinition<R, C>,
  principal: Principal,
  unitId: number,
  rows: () => AsyncIterable<TableRow>,
): Promise<UpsertCounts> {
  const unit = await writableUnit(ctx, principal, unitId);
  return importRows(ctx, def, unit.id, rows());
}
