import type { Role } from '#core/units';
import type { AppContext } from '../../context';
import { AppError, conflict, notFound } from '../../lib/errors';
import { requireReach, requireRole, unitScope } from '../../policy';
import { hashPassword, isAcceptablePassword } from '../auth/password';
import type { AuthUser } from '../auth/principal';
import { deleteUserSessions } from '../auth/queries';
import { normaliseUsername } from '../auth/service';
import { requireUnitInScope } from '../units/service';
import * as q from './queries';

export interface User {
  id: number;
  username: string;
  fullName: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  active: boolean;
}

const present = (row: NonNullable<Awaited<ReturnType<typeof q.findUser>>>): User => ({
  id: row.id,
  username: row.username,
  fullName: row.fullName,
  unitId: row.unitId,
  unitName: row.unitName,
  roles: row.roles as Role[],
  active: row.active,
});

export async function listUsers(ctx: AppContext, actor: AuthUser, search?: string): Promise<User[]> {
  requireRole(actor, 'admin');
  return (await q.listUsers(ctx.db, unitScope(actor), search)).map(present);
}

async function requireUserInScope(ctx: AppContext, actor: AuthUser, userId: number) {
  const row = await q.findUser(ctx.db, userId);
  if (!row) throw notFound();
  requireReach(actor, row.unitPath);
  return row;
}

export async function createUser(
  ctx: AppContext,
  actor: AuthUser,
  input: { username: string; fullName: string; unitId: number; roles: Role[]; password: string },
): Promise<User> {
  requireRole(actor, 'admin');
  const username = normaliseUsername(input.username);
  const unit = await requireUnitInScope(ctx, actor, input.unitId);
  if (!unit.active) throw new AppError(400, 'users.unitInactive');
  if (!isAcceptablePassword(input.password, username)) throw new AppError(400, 'auth.weakPassword');
  if (await q.findUserIdByUsername(ctx.db, username)) throw conflict('users.usernameTaken', { username });
  const passwordHash = await hashPassword(input.password);
  const id = await q.insertUser(ctx.db, {
    username,
    fullName: input.fullName,
    unitId: unit.id,
    roles: input.roles,
    passwordHash,
  });
  const created = await q.findUser(ctx.db, id);
  if (!created) throw new Error('user vanished after insert');
  return present(created);
}

export async function updateUser(
  ctx: AppContext,
  actor: AuthUser,
  userId: number,
  input: { fullName?: string; unitId?: number; roles?: Role[]; active?: boolean; password?: string },
): Promise<User> {
  requireRole(actor, 'admin');
  const target = await requireUserInScope(ctx, actor, userId);
  if (target.id === actor.id && (input.active === false || (input.roles && !input.roles.includes('admin')))) {
    throw new AppError(400, 'users.self');
  }
  if (input.unitId !== undefined && input.unitId !== target.unitId) {
    const unit = await requireUnitInScope(ctx, actor, input.unitId);
    if (!unit.active) throw new AppError(400, 'users.unitInactive');
  }
  if (input.password !== undefined && !isAcceptablePassword(input.password, target.username)) {
    throw new AppError(400, 'auth.weakPassword');
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  await q.updateUser(
    ctx.db,
    target.id,
    {
      fullName: input.fullName,
      unitId: input.unitId,
      roles: input.roles,
      active: input.active,
      passwordHash,
    },
    ctx.now(),
  );
  // A reset password, a lock or a change of rights takes effect at once, not at the next login.
  if (passwordHash || input.active === false || input.roles || input.unitId !== undefined) {
    await deleteUserSessions(ctx.db, target.id);
  }
  const updated = await q.findUser(ctx.db, target.id);
  if (!updated) throw new Error('user vanished after update');
  return present(updated);
}
