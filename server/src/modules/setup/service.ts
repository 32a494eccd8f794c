import { sql } from 'drizzle-orm';
import type { UnitLevel } from '#core/units';
import type { AppContext } from '../../context';
import { hasDemoAccounts } from '../../demo/seed';
import { AppError } from '../../lib/errors';
import { hashPassword, isAcceptablePassword } from '../auth/password';
import { normaliseUsername } from '../auth/service';
import { insertUnit } from '../units/queries';
import { countUsers, insertUser } from '../users/queries';

export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

export async function setupStatus(ctx: AppContext): Promise<{ needsSetup: boolean; demo: boolean }> {
  return { needsSetup: await needsSetup(ctx), demo: ctx.config.demo && (await hasDemoAccounts(ctx)) };
}

/**
 * First run without demo data: creates the top unit and its first administrator.
 * Refused once any user exists, so it cannot be used to take over a running system.
 */
export async function createFirstAdmin(
  ctx: AppContext,
  input: {
    unit: { code: string; name: string; level: UnitLevel };
    admin: { username: string; fullName: string; password: string };
  },
): Promise<void> {
  const username = normaliseUsername(input.admin.username);
  if (!isAcceptablePassword(input.admin.password, username)) throw new AppError(400, 'auth.weakPassword');
  const passwordHash = await hashPassword(input.admin.password);
  await ctx.db.transaction(async (tx) => {
    // Two first-run forms submitted at once: the second waits here, then sees a user.
    await tx.execute(sql`lock table users in exclusive mode`);
    if ((await countUsers(tx)) > 0) throw new AppError(409, 'setup.done');
    const { id } = await insertUnit(tx, { ...input.unit, parentId: null, parentPath: '/' });
    await insertUser(tx, {
      username,
      fullName: input.admin.fullName,
      unitId: id,
      roles: ['admin'],
      passwordHash,
    });
  });
}
