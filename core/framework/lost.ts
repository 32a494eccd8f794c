// Where a unit lost points, largest first: the start of next year's plan (SPEC §3.9).

import type { Fixed } from './fixed';
import type { Role } from './model';
import type { UnitResult } from './results';

export interface LostPoints {
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  readonly maxPoints: Fixed;
  readonly points: Fixed;
  /** max − points for a scored node; the amount taken off for a deduction. */
  readonly lost: Fixed;
}

/**
 * Points lost per criterion at the level it was scored: each scored leaf, or the node a
 * value was given for. Bonus not earned is not a loss. Ties keep framework order.
 */
export function lostPoints(result: UnitResult): LostPoints[] {
  const lost: LostPoints[] = [];
  for (const node of result.nodes) {
    const atScoredLevel = node.status === 'given' || (node.status === 'scored' && node.leaf);
    if (!atScoredLevel || node.points === null || node.role === 'bonus') continue;
    const amount = node.role === 'deduction' ? node.points : node.maxPoints - node.points;
    if (amount <= 0) continue;
    const { code, name, role, maxPoints, points } = node;
    lost.push({ code, name, role, maxPoints, points, lost: amount as Fixed });
  }
  return lost.sort((a, b) => b.lost - a.lost);
}
