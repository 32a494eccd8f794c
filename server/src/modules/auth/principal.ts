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

export type Principal = UserPrincipal;
