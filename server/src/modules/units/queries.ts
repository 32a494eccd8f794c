import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { foldText } from '#core/text';
import type { UnitLevel } from '#core/units';
import type { Db } from '../../db/client';
import { units } from './schema';

export type UnitRow = typeof units.$inferSelect;

export const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  level: units.level,
  parentId: units.parentId,
  path: units.path,
  active: units.active,
};

export async function findUnit(db: Db, id: number) {
  const [row] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  return row;
}

export async function findUnitsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select(unitColumns).from(units).where(inArray(units.code, codes));
}

/** Units of a subtree (path prefix) or of one unit, optionally filtered by a folded name search. */
export async function listUnits(
  db: Db,
  scope: { pathPrefix: string } | { unitId: number },
  filter: { q?: string; includeInactive?: boolean },
) {
  const conditions = [
    'pathPrefix' in scope ? like(units.path, `${scope.pathPrefix}%`) : eq(units.id, scope.unitId),
  ];
  if (!filter.includeInactive) conditions.push(eq(units.active, true));
  for (const word of foldText(filter.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    conditions.push(
      sql`(${units.nameSearch} like ${`%${word}%`} or lower(${units.code}) like ${`%${word}%`})`,
    );
  }
  return db
    .select(unitColumns)
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.path));
}

export async function insertUnit(
  db: Db,
  values: { code: string; name: string; level: UnitLevel; parentId: number | null; parentPath: string },
) {
  const [row] = await db
    .insert(units)
    .values({
      code: values.code,
      name: values.name,
      nameSearch: foldText(values.name),
      level: values.level,
      parentId: values.parentId,
      path: 'pending',
    })
    .returning({ id: units.id });
  if (!row) throw new Error('insert returned no row');
  const path = `${values.parentPath}${row.id}/`;
  await db.update(units).set({ path }).where(eq(units.id, row.id));
  return { id: row.id, path };
}

export async function updateUnitFields(
  db: Db,
  id: number,
  values: Partial<{ code: string; name: string; level: UnitLevel; active: boolean }>,
  now: Date,
) {
  await db
    .update(units)
    .set({
      ...values,
      ...(values.name !== undefined ? { nameSearch: foldText(values.name) } : {}),
      updatedAt: now,
    })
    .where(eq(units.id, id));
}

/** Re-parents a unit and rewrites the path of every unit below it in one statement. */
export async function moveSubtree(
  db: Db,
  id: number,
  oldPath: string,
  newParentId: number,
  newPath: string,
  now: Date,
) {
  await db.update(units).set({ parentId: newParentId, updatedAt: now }).where(eq(units.id, id));
  await db
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${oldPath.length + 1})` })
    .where(like(units.path, `${oldPath}%`));
}

export async function countActiveChildren(db: Db, id: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .where(and(eq(units.parentId, id), eq(units.active, true)));
  return row?.n ?? 0;
}

export async function childLevels(db: Db, id: number): Promise<UnitLevel[]> {
  const rows = await db.selectDistinct({ level: units.level }).from(units).where(eq(units.parentId, id));
  return rows.map((r) => r.level);
}

export async function countUnits(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units);
  return row?.n ?? 0;
}

/** The active units directly below a unit, by name. */
export async function listChildren(db: Db, parentId: number) {
  return db
    .select(unitColumns)
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.active, true)))
    .orderBy(asc(units.nameSearch));
}
