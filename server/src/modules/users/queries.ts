import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Role } from '#core/units';
import type { Db } from '../../db/client';
import { units } from '../units/schema';
import { users } from './schema';

const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  unitId: users.unitId,
  unitName: units.name,
  unitPath: units.path,
  roles: users.roles,
  active: users.active,
  createdAt: users.createdAt,
};

export async function listUsers(db: Db, scope: { pathPrefix: string } | { unitId: number }, search?: string) {
  const conditions = [
    'pathPrefix' in scope ? like(units.path, `${scope.pathPrefix}%`) : eq(users.unitId, scope.unitId),
  ];
  if (search) {
    const word = `%${search.toLowerCase()}%`;
    conditions.push(sql`(${users.username} like ${word} or lower(${users.fullName}) like ${word})`);
  }
  return db
    .select(userColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(asc(units.path), asc(users.username));
}

export async function findUser(db: Db, id: number) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  return row;
}

export async function findUserIdByUsername(db: Db, username: string): Promise<number | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id;
}

export async function insertUser(
  db: Db,
  values: { username: string; fullName: string; unitId: number; roles: Role[]; passwordHash: string },
): Promise<number> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function updateUser(
  db: Db,
  id: number,
  values: Partial<{ fullName: string; unitId: number; roles: Role[]; active: boolean; passwordHash: string }>,
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ ...values, updatedAt: now, ...(values.passwordHash ? { passwordChangedAt: now } : {}) })
    .where(eq(users.id, id));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

/** Active users of one unit, for choosing who is responsible for a task. */
export async function listUnitMembers(db: Db, unitId: number) {
  return db
    .select({ id: users.id, username: users.username, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.active, true)))
    .orderBy(asc(users.fullName));
}
