import { type Role, SUBTREE_ROLES } from '#core/units';
import { AppError, forbidden } from './lib/errors';
import type { AuthUser } from './modules/auth/principal';

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
