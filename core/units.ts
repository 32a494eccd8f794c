import { foldText } from './text';

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * Which levels a unit may sit under. A commune may sit directly under a province:
 * since 1 July 2025 Vietnam has two tiers, and the tree is data, not code.
 */
export const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
};

export function canSitUnder(level: UnitLevel, parentLevel: UnitLevel | null): boolean {
  if (parentLevel === null) return level === 'province';
  return PARENT_LEVELS[level].includes(parentLevel);
}

const LEVEL_WORDS: Record<string, UnitLevel> = {
  tinh: 'province',
  province: 'province',
  'thanh pho truc thuoc trung uong': 'province',
  huyen: 'district',
  quan: 'district',
  'thi xa': 'district',
  district: 'district',
  xa: 'commune',
  phuong: 'commune',
  'thi tran': 'commune',
  commune: 'commune',
};

/** Reads a level as spreadsheets write it ("xa", "Xã", "huyện", "commune"). */
export function parseUnitLevel(text: string): UnitLevel | null {
  return LEVEL_WORDS[foldText(text)] ?? null;
}

export const UNIT_LEVEL_LABEL_VI: Record<UnitLevel, string> = {
  province: 'tỉnh',
  district: 'huyện',
  commune: 'xã',
};

export const ROLES = ['admin', 'appraiser', 'unit_head', 'unit_officer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that reach the units below their own unit, not only their own. */
export const SUBTREE_ROLES: readonly Role[] = ['admin', 'appraiser'];

/** The paths of the units above a unit, nearest last: "/1/7/27/" → ["/1/", "/1/7/"]. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}
