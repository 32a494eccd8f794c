// Change from the previous year's result. Frameworks change between years, so nodes
// are matched by criterion code; a code new this year has no previous value.

import type { Fixed } from './fixed';
import type { UnitResult } from './results';

/** A current and previous value and their difference (null if either is unknown). */
export interface Delta {
  readonly current: Fixed | null;
  readonly previous: Fixed | null;
  readonly change: Fixed | null;
}

export interface NodeChange {
  readonly code: string;
  readonly name: string;
  readonly points: Delta;
  /** Component index change: comparable even when the node's maximum changed. */
  readonly index: Delta;
}

export interface YearChange {
  readonly total: Delta;
  readonly index: Delta;
  readonly band: { readonly current: string | null; readonly previous: string | null };
  /** Positive `change` = moved up (rank 5 → 3 is +2). */
  readonly rank: {
    readonly current: number | null;
    readonly previous: number | null;
    readonly change: number | null;
  };
  /** Every node of this year's framework, in its order. */
  readonly nodes: readonly NodeChange[];
  /** Codes in last year's result with no node of that code this year. */
  readonly removed: readonly {
    readonly code: string;
    readonly name: string;
    readonly previousPoints: Fixed | null;
  }[];
}

/**
 * Matches this year's result to last year's by criterion code. For an incomplete
 * result the points are lower bounds, as in `UnitResult`.
 */
export function compareWithPrevious(current: UnitResult, previous: UnitResult): YearChange {
  const before = new Map(previous.nodes.map((node) => [node.code, node]));
  const codes = new Set(current.nodes.map((node) => node.code));
  const rankChange = current.rank !== null && previous.rank !== null ? previous.rank - current.rank : null;
  return {
    total: delta(current.total, previous.total),
    index: delta(current.index, previous.index),
    band: { current: current.band, previous: previous.band },
    rank: { current: current.rank, previous: previous.rank, change: rankChange },
    nodes: current.nodes.map((node) => {
      const old = before.get(node.code);
      return {
        code: node.code,
        name: node.name,
        points: delta(node.points, old?.points ?? null),
        index: delta(node.index, old?.index ?? null),
      };
    }),
    removed: previous.nodes
      .filter((node) => !codes.has(node.code))
      .map((node) => ({ code: node.code, name: node.name, previousPoints: node.points })),
  };
}

function delta(current: Fixed | null, previous: Fixed | null): Delta {
  const change = current === null || previous === null ? null : ((current - previous) as Fixed);
  return { current, previous, change };
}
