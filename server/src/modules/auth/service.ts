import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { decoyPasswordHash, hashPassword, isAcceptablePassword, verifyPassword } from './password';
import type { AuthUser, UserPrincipal } from './principal';
import * as q from './queries';

const FAILURE_WINDOW_MS = 15 * 60_000;
/** Failed logins allowed per account, and per address, inside the window. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function minutesUntilFree(oldest: string | null, now: Date): number {
  if (!oldest) return Math.ceil(FAILURE_WINDOW_MS / 60_000);
  const freeAt = new Date(oldest).getTime() + FAILURE_WINDOW_MS;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

export interface LoginResult {
  token: string;
  user: AuthUser;
  csrfToken: string;
  expiresAt: Date;
}

export async function login(
  ctx: AppContext,
  input: { username: string; password: string; ip: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = ctx.now();
  const username = normaliseUsername(input.username);
  const recent = await q.countRecentFailures(
    ctx.db,
    username,
    input.ip,
    new Date(now.getTime() - FAILURE_WINDOW_MS),
  );
  if (recent.byUser >= MAX_FAILURES_PER_ACCOUNT) {
    throw new AppError(429, 'auth.rateLimited', { minutes: minutesUntilFree(recent.oldestByUser, now) });
  }
  if (recent.byIp >= MAX_FAILURES_PER_ADDRESS) {
    throw new AppError(429, 'auth.rateLimited', { minutes: minutesUntilFree(recent.oldestByIp, now) });
  }

  const candidate = await q.findLoginCandidate(ctx.db, username);
  const passwordOk = await verifyPassword(
    candidate?.passwordHash ?? (await decoyPasswordHash()),
    input.password,
  );
  if (!candidate || !passwordOk || !candidate.active || !candidate.unitActive) {
    await q.recordFailure(ctx.db, username, input.ip, now);
    throw new AppError(401, 'auth.badCredentials');
  }

  await q.clearFailures(ctx.db, username);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionTtlMs);
  await q.insertSession(ctx.db, {
    id: hashToken(token),
    userId: candidate.id,
    csrfToken,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, user: candidate.user, csrfToken, expiresAt };
}

/** Resolves a session cookie; a session in use is kept alive (sliding expiry). */
export async function authenticate(ctx: AppContext, token: string): Promise<UserPrincipal | null> {
  const now = ctx.now();
  const id = hashToken(token);
  const session = await q.findActiveSession(ctx.db, id, now);
  if (!session) return null;
  // Write at most once a minute per session, not on every request.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await q.extendSession(ctx.db, id, now, new Date(now.getTime() + ctx.config.sessionTtlMs));
  }
  return { kind: 'user', user: session.user, sessionId: id, csrfToken: session.csrfToken };
}

export async function logout(ctx: AppContext, principal: UserPrincipal): Promise<void> {
  await q.deleteSession(ctx.db, principal.sessionId);
}

export async function changePassword(
  ctx: AppContext,
  principal: UserPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const current = await q.findPasswordHash(ctx.db, principal.user.id);
  if (!current || !(await verifyPassword(current, input.currentPassword))) {
    throw new AppError(400, 'auth.wrongCurrentPassword');
  }
  if (!isAcceptablePassword(input.newPassword, principal.user.username)) {
    throw new AppError(400, 'auth.weakPassword');
  }
  await q.setPasswordHash(ctx.db, principal.user.id, await hashPassword(input.newPassword), ctx.now());
  await q.deleteUserSessions(ctx.db, principal.user.id, principal.sessionId);
}
