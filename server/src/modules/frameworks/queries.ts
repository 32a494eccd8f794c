import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { FrameworkJson } from '#core/framework/index';
import type { UnitLevel } from '#core/units';
import type { Db } from '../../db/client';
import { units } from '../units/schema';
import { frameworks } from './schema';

const summaryColumns = {
  id: frameworks.id,
  ownerUnitId: frameworks.ownerUnitId,
  ownerUnitName: units.name,
  ownerPath: units.path,
  year: frameworks.year,
  level: frameworks.level,
  name: frameworks.name,
  version: frameworks.version,
  status: frameworks.status,
  copiedFromId: frameworks.copiedFromId,
  createdAt: frameworks.createdAt,
  updatedAt: frameworks.updatedAt,
  publishedAt: frameworks.publishedAt,
};

export type FrameworkRow = Awaited<ReturnType<typeof findFramework>> & object;

export async function findFramework(db: Db, id: number) {
  const [row] = await db
    .select({ ...summaryColumns, definition: frameworks.definition })
    .from(frameworks)
    .innerJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(eq(frameworks.id, id));
  return row;
}

/**
 * Frameworks a user may see: every one owned inside their reach (`subtreePrefix`), and the
 * published ones of the units above them (`ancestorPaths`), which their unit is assessed by.
 */
export async function listFrameworks(
  db: Db,
  visibility: { subtreePrefix: string | null; ownPath: string; ancestorPaths: string[] },
  filter: { year?: number; level?: UnitLevel },
) {
  const seen = [
    eq(units.path, visibility.ownPath),
    ...(visibility.subtreePrefix ? [like(units.path, `${visibility.subtreePrefix}%`)] : []),
    ...(visibility.ancestorPaths.length > 0
      ? [and(inArray(units.path, visibility.ancestorPaths), eq(frameworks.status, 'published'))]
      : []),
  ];
  const conditions = [or(...seen)];
  if (filter.year !== undefined) conditions.push(eq(frameworks.year, filter.year));
  if (filter.level !== undefined) conditions.push(eq(frameworks.level, filter.level));
  return db
    .select({ ...summaryColumns, definition: frameworks.definition })
    .from(frameworks)
    .innerJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(and(...conditions))
    .orderBy(desc(frameworks.year), frameworks.level, desc(frameworks.version));
}

export async function nextVersion(
  db: Db,
  ownerUnitId: number,
  year: number,
  level: UnitLevel,
): Promise<number> {
  const [row] = await db
    .select({ max: sql<number | null>`max(${frameworks.version})` })
    .from(frameworks)
    .where(
      and(eq(frameworks.ownerUnitId, ownerUnitId), eq(frameworks.year, year), eq(frameworks.level, level)),
    );
  return (row?.max ?? 0) + 1;
}

export async function insertFramework(
  db: Db,
  values: {
    ownerUnitId: number;
    year: number;
    level: UnitLevel;
    name: string;
    version: number;
    status: 'draft' | 'published';
    definition: FrameworkJson;
    copiedFromId: number | null;
    createdBy: number | null;
    publishedAt?: Date;
    publishedBy?: number | null;
  },
): Promise<number> {
  const [row] = await db.insert(frameworks).values(values).returning({ id: frameworks.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateDraft(
  db: Db,
  id: number,
  definition: FrameworkJson,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(frameworks)
    .set({ definition, name: definition.name, updatedAt: now })
    .where(and(eq(frameworks.id, id), eq(frameworks.status, 'draft')))
    .returning({ id: frameworks.id });
  return rows.length === 1;
}

export async function markPublished(db: Db, id: number, userId: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(frameworks)
    .set({ status: 'published', publishedAt: now, publishedBy: userId, updatedAt: now })
    .where(and(eq(frameworks.id, id), eq(frameworks.status, 'draft')))
    .returning({ id: frameworks.id });
  return rows.length === 1;
}

export async function deleteDraft(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .delete(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.status, 'draft')))
    .returning({ id: frameworks.id });
  return rows.length === 1;
}

/**
 * The framework a unit is assessed by in a year: the latest published version for its
 * level, owned by the nearest unit above it.
 */
export async function findApplicable(db: Db, ancestorPaths: string[], year: number, level: UnitLevel) {
  if (ancestorPaths.length === 0) return undefined;
  const [row] = await db
    .select({ ...summaryColumns, definition: frameworks.definition })
    .from(frameworks)
    .innerJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(
      and(
        inArray(units.path, ancestorPaths),
        eq(frameworks.year, year),
        eq(frameworks.level, level),
        eq(frameworks.status, 'published'),
      ),
    )
    .orderBy(desc(sql`length(${units.path})`), desc(frameworks.version))
    .limit(1);
  return row;
}
