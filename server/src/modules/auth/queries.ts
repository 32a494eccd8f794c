import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Role } from '#core/units';
import type { Db } from '../../db/client';
import { units } from '../units/schema';
import { users } from '../users/schema';
import type { AuthUser } from './principal';
import { loginFailures, sessions } from './schema';

const authUserColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  roles: users.roles,
  unitId: users.unitId,
  unitCode: units.code,
  unitName: units.name,
  unitLevel: units.level,
  unitPath: units.path,
};

type AuthUserRow = Omit<AuthUser, 'roles'> & { roles: string[] };
const toAuthUser = (row: AuthUserRow): AuthUser => ({ ...row, roles: row.roles as Role[] });

export async function findLoginCandidate(db: Db, username: string) {
  const [row] = await db
    .select({
      ...authUserColumns,
      passwordHash: users.passwordHash,
      active: users.active,
      unitActive: units.active,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.username, username));
  return row ? { ...row, user: toAuthUser(row) } : undefined;
}

export async function insertSession(
  db: Db,
  values: {
    id: string;
    userId: number;
    csrfToken: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findActiveSession(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({
      ...authUserColumns,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(units, eq(units.id, users.unitId))
    .where(
      and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true), eq(units.active, true)),
    );
  return row ? { ...row, user: toAuthUser(row) } : undefined;
}

export async function extendSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Signs the user out everywhere, except the session given (the one changing the password). */
export async function deleteUserSessions(db: Db, userId: number, exceptId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptId)) : eq(sessions.userId, userId),
    );
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function countRecentFailures(db: Db, username: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})::int`,
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})::int`,
      oldestByUser: sql<
        string | null
      >`min(${loginFailures.at}) filter (where ${loginFailures.username} = ${username})`,
      oldestByIp: sql<string | null>`min(${loginFailures.at}) filter (where ${loginFailures.ip} = ${ip})`,
    })
    .from(loginFailures)
    .where(
      and(
        gt(loginFailures.at, since),
        sql`(${loginFailures.username} = ${username} or ${loginFailures.ip} = ${ip})`,
      ),
    );
  return row ?? { byUser: 0, byIp: 0, oldestByUser: null, oldestByIp: null };
}

export async function recordFailure(db: Db, username: string, ip: string, at: Date): Promise<void> {
  await db.insert(loginFailures).values({ username, ip, at });
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
}

export async function findPasswordHash(db: Db, userId: number): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash;
}

export async function setPasswordHash(
  db: Db,
  userId: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, userId));
}
