import { type Role, SUBTREE_ROLES } from '#core/units';
import { AppError, forbidden } from './lib/errors';
import type { AuthUser, Principal } from './modules/auth/principal';

// Access rules, one place: who reaches which unit, and who may do what.

export const hasRole = (user: AuthUser, ...roles: Role[]) => user.roles.some((r) => roles.includes(r));

export function requireRole(user: AuthUser, ...roles: Role[]): void {
  if (!hasRole(user, ...roles)) throw forbidden();
}

/** Own unit for everyone; the units below it too for appraisers and admins. */
export function reachesUnit(user: AuthUser, unitPath: string): boolean {
  if (unitPath === user.unitPath) return true;
  return hasRole(user, ...SUBTREE_ROLES) && unitPath.startsWith(user.unitPath);
}

export function requireReach(user: AuthUser, unitPath: string): void {
  if (!reachesUnit(user, unitPath)) throw new AppError(403, 'auth.outOfScope');
}

/** The part of the unit tree a user's lists are drawn from. */
export function unitScope(user: AuthUser): { pathPrefix: string } | { unitId: number } {
  return hasRole(user, ...SUBTREE_ROLES) ? { pathPrefix: user.unitPath } : { unitId: user.unitId };
}

/**
 * Roles that keep a unit's registers. Appraisers read them but do not change the records
 * they appraise; viewers only read.
 */
export const REGISTER_WRITERS: readonly Role[] = ['unit_officer', 'unit_head', 'admin'];

/** Reading a unit's registers and KPIs: whoever reaches the unit. */
export function requireRegisterRead(user: AuthUser, unitPath: string): void {
  requireReach(user, unitPath);
}

/** Writing a unit's registers: a keeper who reaches the unit, or a token made for that very unit. */
export function requireRegisterWrite(principal: Principal, unit: { id: number; path: string }): void {
  if (principal.kind === 'token') {
    if (principal.unitId !== unit.id) throw new AppError(403, 'auth.outOfScope');
    return;
  }
  requireReach(principal.user, unit.path);
  requireRole(principal.user, ...REGISTER_WRITERS);
}
