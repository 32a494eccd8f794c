import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units } from '../units/schema';
import { users } from '../users/schema';
import { apiTokens } from './schema';

export async function insertToken(
  db: Db,
  values: { unitId: number; name: string; tokenHash: string; prefix: string; createdBy: number; now: Date },
): Promise<number> {
  const { now, ...rest } = values;
  const [row] = await db
    .insert(apiTokens)
    .values({ ...rest, createdAt: now })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

export async function listTokens(db: Db, unitId: number) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      createdBy: users.fullName,
      lastUsedAt: apiTokens.lastUsedAt,
      lastUsedIp: apiTokens.lastUsedIp,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.unitId, unitId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export type TokenRow = Awaited<ReturnType<typeof listTokens>>[number];

/** Revokes a live token of the unit; false when there is none with that id. */
export async function revokeToken(
  db: Db,
  unitId: number,
  id: number,
  by: number,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.unitId, unitId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** A live token of an active unit, by the hash of what the caller sent. */
export async function findLiveToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ id: apiTokens.id, unitId: apiTokens.unitId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(units, eq(units.id, apiTokens.unitId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), eq(units.active, true)));
  return row;
}

/** Records a use, at most once a minute per token. */
export async function touchToken(db: Db, id: number, now: Date, ip: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now, lastUsedIp: ip })
    .where(
      and(
        eq(apiTokens.id, id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}
