import { orderParentsFirst, parseUnitRows } from '#core/unit-import';
import { canSitUnder, UNIT_LEVEL_LABEL_VI, type UnitLevel } from '#core/units';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, conflict, importRefused, notFound, type RowError } from '../../lib/errors';
import type { TableRow } from '../../lib/table-file';
import { requireReach, requireRole, unitScope } from '../../policy';
import type { AuthUser } from '../auth/principal';
import * as q from './queries';

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  active: boolean;
}

const present = (row: q.UnitRow | (Awaited<ReturnType<typeof q.findUnit>> & object)): Unit => ({
  id: row.id,
  code: row.code,
  name: row.name,
  level: row.level,
  parentId: row.parentId,
  active: row.active,
});

/** Loads a unit the user may reach: 404 when it does not exist, 403 when it is outside their subtree. */
export async function requireUnitInScope(ctx: AppContext, user: AuthUser, unitId: number) {
  const unit = await q.findUnit(ctx.db, unitId);
  if (!unit) throw notFound();
  requireReach(user, unit.path);
  return unit;
}

export async function listUnits(
  ctx: AppContext,
  user: AuthUser,
  filter: { q?: string; includeInactive?: boolean },
): Promise<Unit[]> {
  const rows = await q.listUnits(ctx.db, unitScope(user), filter);
  return rows.map(present);
}

export async function getUnit(ctx: AppContext, user: AuthUser, unitId: number): Promise<Unit> {
  return present(await requireUnitInScope(ctx, user, unitId));
}

async function ensureCodeFree(db: Db, code: string, exceptId?: number) {
  const [taken] = await q.findUnitsByCodes(db, [code]);
  if (taken && taken.id !== exceptId) throw conflict('units.codeTaken', { code });
}

function ensureFits(level: UnitLevel, parentLevel: UnitLevel | null) {
  if (canSitUnder(level, parentLevel)) return;
  if (parentLevel === null)
    throw new AppError(400, 'units.parentRequired', { level: UNIT_LEVEL_LABEL_VI[level] });
  throw new AppError(400, 'units.badParentLevel', {
    level: UNIT_LEVEL_LABEL_VI[level],
    parentLevel: UNIT_LEVEL_LABEL_VI[parentLevel],
  });
}

export async function createUnit(
  ctx: AppContext,
  user: AuthUser,
  input: { code: string; name: string; level: UnitLevel; parentId: number | null },
): Promise<Unit> {
  requireRole(user, 'admin');
  return ctx.db.transaction(async (tx) => {
    let parentPath = '/';
    let parentLevel: UnitLevel | null = null;
    if (input.parentId !== null) {
      const parent = await requireUnitInScope({ ...ctx, db: tx }, user, input.parentId);
      if (!parent.active) throw new AppError(400, 'units.parentInactive');
      parentPath = parent.path;
      parentLevel = parent.level;
    } else {
      // A top unit outside every admin's subtree would be unmanageable; only the first run makes one.
      throw new AppError(403, 'units.rootNotAllowed');
    }
    ensureFits(input.level, parentLevel);
    await ensureCodeFree(tx, input.code);
    const { id } = await q.insertUnit(tx, { ...input, parentPath });
    const created = await q.findUnit(tx, id);
    if (!created) throw new Error('unit vanished after insert');
    return present(created);
  });
}

export async function updateUnit(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  input: { code?: string; name?: string; level?: UnitLevel; parentId?: number; active?: boolean },
): Promise<Unit> {
  requireRole(user, 'admin');
  return ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const unit = await requireUnitInScope(scoped, user, unitId);
    const now = ctx.now();
    const ownUnit = unit.id === user.unitId;
    if (
      ownUnit &&
      (input.active === false || (input.parentId !== undefined && input.parentId !== unit.parentId))
    ) {
      throw new AppError(400, 'units.ownUnit');
    }
    if (input.code !== undefined && input.code !== unit.code) await ensureCodeFree(tx, input.code, unit.id);

    const level = input.level ?? unit.level;
    let parent = unit.parentId === null ? undefined : await q.findUnit(tx, unit.parentId);
    if (input.parentId !== undefined && input.parentId !== unit.parentId) {
      const target = await requireUnitInScope(scoped, user, input.parentId);
      if (target.path.startsWith(unit.path)) throw new AppError(400, 'units.moveIntoSelf');
      if (!target.active) throw new AppError(400, 'units.parentInactive');
      parent = target;
    }
    ensureFits(level, parent?.level ?? null);
    if (level !== unit.level) {
      for (const childLevel of await q.childLevels(tx, unit.id)) ensureFits(childLevel, level);
    }
    if (input.active === false && unit.active) {
      const count = await q.countActiveChildren(tx, unit.id);
      if (count > 0) throw new AppError(400, 'units.hasActiveChildren', { count });
    }
    if (input.active === true && !unit.active && parent && !parent.active) {
      throw new AppError(400, 'units.parentInactive');
    }

    await q.updateUnitFields(
      tx,
      unit.id,
      { code: input.code, name: input.name, level: input.level, active: input.active },
      now,
    );
    if (parent && parent.id !== unit.parentId) {
      await q.moveSubtree(tx, unit.id, unit.path, parent.id, `${parent.path}${unit.id}/`, now);
    }
    const updated = await q.findUnit(tx, unit.id);
    if (!updated) throw new Error('unit vanished after update');
    return present(updated);
  });
}

/**
 * Imports a unit list all-or-nothing: every bad row is reported and nothing is stored
 * unless every row is good. Rows are matched to existing units by code, so importing
 * the same file twice changes nothing.
 */
export async function importUnits(
  ctx: AppContext,
  user: AuthUser,
  table: { header: TableRow; rows: TableRow[] },
): Promise<{ inserted: number; updated: number }> {
  requireRole(user, 'admin');
  return ctx.db.transaction(async (tx) => {
    const codes = new Set<string>();
    for (const r of table.rows) for (const c of r.cells) if (c) codes.add(c);
    const known = new Map((await q.findUnitsByCodes(tx, [...codes])).map((u) => [u.code, u]));
    const { records, errors } = parseUnitRows(table.header.cells, table.rows, (code) => known.get(code));
    const rowErrors: RowError[] = [...errors];

    for (const r of records) {
      const existing = known.get(r.code);
      if (existing && !existing.path.startsWith(user.unitPath)) {
        rowErrors.push({
          row: r.row,
          field: 'Mã',
          message: `Mã "${r.code}" đã thuộc một đơn vị ngoài phạm vi quản lý của bạn.`,
        });
      }
      const parent = r.parentCode ? known.get(r.parentCode) : undefined;
      if (parent && !parent.path.startsWith(user.unitPath)) {
        rowErrors.push({
          row: r.row,
          field: 'Mã đơn vị cấp trên',
          message: `Đơn vị cấp trên "${r.parentCode}" nằm ngoài phạm vi quản lý của bạn.`,
        });
      }
      if (!r.parentCode && !existing) {
        rowErrors.push({
          row: r.row,
          field: 'Mã đơn vị cấp trên',
          message: 'Bắt buộc có mã đơn vị cấp trên: đơn vị cấp cao nhất chỉ được tạo khi khởi tạo hệ thống.',
        });
      }
      if (
        existing &&
        existing.id === user.unitId &&
        (r.parentCode ?? null) !== (parentCodeOf(existing.parentId, known) ?? null)
      ) {
        rowErrors.push({
          row: r.row,
          field: 'Mã đơn vị cấp trên',
          message: 'Không thể chuyển đơn vị của chính bạn.',
        });
      }
    }
    if (rowErrors.length > 0) throw importRefused(rowErrors.sort((a, b) => a.row - b.row));

    const now = ctx.now();
    let inserted = 0;
    let updated = 0;
    for (const r of orderParentsFirst(records)) {
      const parent = r.parentCode ? known.get(r.parentCode) : undefined;
      const existing = known.get(r.code);
      if (!existing) {
        const { id, path } = await q.insertUnit(tx, {
          code: r.code,
          name: r.name,
          level: r.level,
          parentId: parent?.id ?? null,
          parentPath: parent?.path ?? '/',
        });
        known.set(r.code, {
          id,
          code: r.code,
          name: r.name,
          level: r.level,
          parentId: parent?.id ?? null,
          path,
          active: true,
        });
        inserted += 1;
        continue;
      }
      const moved = (parent?.id ?? null) !== existing.parentId;
      if (existing.name === r.name && existing.level === r.level && !moved) continue;
      await q.updateUnitFields(tx, existing.id, { name: r.name, level: r.level }, now);
      if (moved && parent) {
        if (parent.path.startsWith(existing.path))
          throw importRefused([
            {
              row: r.row,
              field: 'Mã đơn vị cấp trên',
              message: 'Không thể chuyển đơn vị vào đơn vị trực thuộc nó.',
            },
          ]);
        await q.moveSubtree(tx, existing.id, existing.path, parent.id, `${parent.path}${existing.id}/`, now);
      }
      const fresh = await q.findUnit(tx, existing.id);
      if (fresh) known.set(r.code, fresh);
      updated += 1;
    }
    return { inserted, updated };
  });
}

function parentCodeOf(
  parentId: number | null,
  known: Map<string, { id: number; code: string }>,
): string | null {
  if (parentId === null) return null;
  for (const u of known.values()) if (u.id === parentId) return u.code;
  return null;
}

export async function exportUnits(
  ctx: AppContext,
  user: AuthUser,
): Promise<{ header: string[]; rows: string[][] }> {
  const rows = await q.listUnits(ctx.db, unitScope(user), { includeInactive: false });
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  const levelWord: Record<UnitLevel, string> = { province: 'tinh', district: 'huyen', commune: 'xa' };
  return {
    header: ['Mã', 'Tên đơn vị', 'Cấp', 'Mã đơn vị cấp trên'],
    rows: rows.map((r) => [
      r.code,
      r.name,
      levelWord[r.level],
      r.parentId === null ? '' : (codeById.get(r.parentId) ?? ''),
    ]),
  };
}
