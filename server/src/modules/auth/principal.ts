import type { Role, UnitLevel } from '#core/units';

export interface AuthUser {
  id: number;
  username: string;
  fullName: string;
  roles: Role[];
  unitId: number;
  unitCode: string;
  unitName: string;
  unitLevel: UnitLevel;
  unitPath: string;
}

/** Who is making a request: a signed-in person. */
export interface UserPrincipal {
  kind: 'user';
  user: AuthUser;
  sessionId: string;
  csrfToken: string;
}

/**
 * A one-stop or document system calling with an API token (`Authorization: Bearer`):
 * it reaches only its unit's registers, and only on routes that accept tokens.
 */
export interface TokenPrincipal {
  kind: 'token';
  tokenId: number;
  unitId: number;
}

export type Principal = UserPrincipal | TokenPrincipal;
