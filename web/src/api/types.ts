export type UnitLevel = 'province' | 'district' | 'commune';
export type Role = 'admin' | 'appraiser' | 'unit_head' | 'unit_officer' | 'viewer';
export const ROLES: Role[] = ['admin', 'appraiser', 'unit_head', 'unit_officer', 'viewer'];
export const LEVELS: UnitLevel[] = ['province', 'district', 'commune'];

export interface Unit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  active: boolean;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  roles: Role[];
  unit: { id: number; code: string; name: string; level: UnitLevel };
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  unitId: number;
  unitName: string;
  roles: Role[];
  active: boolean;
}
