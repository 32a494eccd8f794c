import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import { notFound } from '../../lib/errors';
import { requireRole } from '../../policy';
import type { AuthUser, TokenPrincipal } from '../auth/principal';
import { hashToken } from '../auth/service';
import { requireUnitInScope } from '../units/service';
import * as q from './queries';

// API tokens for one-stop and document systems: made by an administrator for one unit,
// shown once, stored as a SHA-256 hash, revocable, with their last use recorded.

const TOKEN_PREFIX = 'chiso_';

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

const present = (row: q.TokenRow): ApiToken => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

async function requireAdminOf(ctx: AppContext, user: AuthUser, unitId: number) {
  requireRole(user, 'admin');
  return requireUnitInScope(ctx, user, unitId);
}

export async function listTokens(ctx: AppContext, user: AuthUser, unitId: number): Promise<ApiToken[]> {
  const unit = await requireAdminOf(ctx, user, unitId);
  return (await q.listTokens(ctx.db, unit.id)).map(present);
}

/** Makes a token; the only time its value is ever returned. */
export async function createToken(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  name: string,
): Promise<{ token: string; apiToken: ApiToken }> {
  const unit = await requireAdminOf(ctx, user, unitId);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = await q.insertToken(ctx.db, {
    unitId: unit.id,
    name,
    tokenHash: hashToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdBy: user.id,
    now: ctx.now(),
  });
  const created = (await q.listTokens(ctx.db, unit.id)).find((t) => t.id === id);
  if (!created) throw new Error('token vanished after insert');
  return { token, apiToken: present(created) };
}

export async function revokeToken(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  id: number,
): Promise<void> {
  const unit = await requireAdminOf(ctx, user, unitId);
  if (!(await q.revokeToken(ctx.db, unit.id, id, user.id, ctx.now()))) throw notFound();
}

/** Resolves a Bearer token; null when it is unknown, revoked, or its unit is inactive. */
export async function authenticateToken(
  ctx: AppContext,
  token: string,
  ip: string,
): Promise<TokenPrincipal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await q.findLiveToken(ctx.db, hashToken(token));
  if (!row) return null;
  await q.touchToken(ctx.db, row.id, ctx.now(), ip);
  return { kind: 'token', tokenId: row.id, unitId: row.unitId };
}
