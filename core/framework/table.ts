// Scores many units at once into flat arrays: the totals ranking needs and nothing
// more. Per-node detail for one unit comes from `unitResult`, which scores it again.
// Each unit goes through the fast path (fast.ts) if it can, else the full walk.

import type { CompiledFramework } from './compile';
import { fastPoints, scoreTotals } from './fast';
import { type Fixed, mulDivRound } from './fixed';
import type { UnitInputs } from './inputs';
import { scoreInto } from './kernel';
import { createScratch, NODE_STATUS, type Scratch } from './scratch';

export interface ScoreTable {
  readonly compiled: CompiledFramework;
  readonly inputs: readonly UnitInputs[];
  /** Per unit: points after bonus and deductions, within 0..maxPoints (a `Fixed`). */
  readonly total: Float64Array;
  /** Per unit: the framework's maximum less any optional area it was not assessed on. */
  readonly maxPoints: Float64Array;
  /** Per unit: total / maxPoints × 100, rounded half-up to the framework's decimals (a `Fixed`). */
  readonly index: Float64Array;
  /** Per unit: 1 when no node is pending or in error, so the unit can be banded and ranked. */
  readonly complete: Uint8Array;
  /** Unit-major: the points of each tie-break node, -1 when it has none (absent, or under a given node). */
  readonly tieKeys: Float64Array;
}

export function scoreUnits(compiled: CompiledFramework, inputs: readonly UnitInputs[]): ScoreTable {
  const count = inputs.length;
  const ties = compiled.tieBreak;
  const table: ScoreTable = {
    compiled,
    inputs,
    total: new Float64Array(count),
    maxPoints: new Float64Array(count),
    index: new Float64Array(count),
    complete: new Uint8Array(count),
    tieKeys: new Float64Array(count * ties.length),
  };
  const s = createScratch(compiled);
  const decimals = compiled.framework.indexDecimals;
  for (let u = 0; u < count; u++) {
    if (!scoreTotals(compiled, inputs[u], s)) scoreInto(compiled, inputs[u], s);
    table.total[u] = s.total;
    table.maxPoints[u] = s.maxPoints;
    table.index[u] = indexOf(s.total, s.maxPoints, decimals);
    table.complete[u] = s.pending === 0 && s.errors === 0 && s.maxPoints > 0 ? 1 : 0;
    for (let t = 0; t < ties.length; t++) table.tieKeys[u * ties.length + t] = pointsOf(compiled, s, ties[t]);
  }
  return table;
}

// A node's points after either path, -1 when it has none (pending, covered, absent, in error).
function pointsOf(c: CompiledFramework, s: Scratch, i: number): number {
  if (!s.statuses) return fastPoints(c, s.fast, i);
  const status = s.status[i];
  return status === NODE_STATUS.scored || status === NODE_STATUS.given ? s.points[i] : -1;
}

/** points / maxPoints × 100, rounded half-up to `decimals`, as a `Fixed`; 0 when there is no maximum. */
export function indexOf(points: number, maxPoints: number, decimals: number): Fixed {
  if (maxPoints <= 0) return 0 as Fixed;
  const step = 10 ** (6 - decimals);
  return (mulDivRound(points, 100 * 10 ** decimals, maxPoints) * step) as Fixed;
}
