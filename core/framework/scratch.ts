// What scoring a unit leaves behind, in arrays allocated once and reused from unit to
// unit, so scoring 10,000 units allocates nothing per unit.

import type { CompiledFramework } from './compile';

/** What is known of a node's points after scoring. */
export const NODE_STATUS = {
  /** A scored leaf with no value, or "no data" for its KPI: it needs manual scoring. */
  pending: 0,
  /** Scored by its method, or (a parent) summed from complete children. */
  scored: 1,
  /** Points given directly for this node; its children were not needed. */
  given: 2,
  /** Under a node given directly: not scored. */
  covered: 3,
  /** In an optional area the unit was not assessed on. */
  absent: 4,
  /** Its value is invalid (above the maximum, below 0, not a level...). */
  error: 5,
  /** A parent with a pending or invalid node below it: its points are a lower bound. */
  partial: 6,
} as const;

/** Per-node results of the last unit scored, plus its totals. Reused from unit to unit. */
export interface Scratch {
  readonly points: Float64Array;
  readonly status: Uint8Array;
  /** The `SCORE_FAILURE` of a node in error. */
  readonly failure: Int8Array;
  /** The fast path's own points (parents only where they clamp) and what `scoreEach` reads. */
  readonly fast: FastScratch;
  total: number;
  maxPoints: number;
  pending: number;
  errors: number;
  /** False after the fast path, whose points are in `fast` and which writes no statuses. */
  statuses: boolean;
}

/** The fast path's working set, by slot; it is also what `scoreEach` reads and writes. */
export interface FastScratch {
  value: Float64Array;
  denominator: Float64Array;
  readonly maxPoints: Float64Array;
  readonly params: readonly unknown[];
  /** Leaf points, and the points of parents that clamp. */
  readonly points: Float64Array;
  /** Per area: 1 when left out as absent. */
  readonly absent: Uint8Array;
}

export function createScratch(compiled: CompiledFramework): Scratch {
  const size = compiled.size;
  const empty = new Float64Array(0);
  return {
    points: new Float64Array(size),
    fast: {
      value: empty,
      denominator: empty,
      maxPoints: compiled.slotMaxPoints,
      params: compiled.slotParams,
      points: new Float64Array(size),
      absent: new Uint8Array(compiled.areas.length),
    },
    status: new Uint8Array(size),
    failure: new Int8Array(size),
    total: 0,
    maxPoints: 0,
    pending: 0,
    errors: 0,
    statuses: true,
  };
}
