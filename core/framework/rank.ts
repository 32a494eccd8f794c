// Ranks units by their published index: equal indexes share a rank (1, 2, 2, 4)
// unless the framework names tie-break nodes, whose points then decide.

import type { ScoreTable } from './table';

/** Units that had the same index, in their final order, and what told each pair apart. */
export interface TieGroup {
  /** Unit positions, best first. */
  readonly units: readonly number[];
  /** For each neighbouring pair (`units[k]`, `units[k + 1]`): the tie-break code that ordered them, or null if still tied. */
  readonly decidedBy: readonly (string | null)[];
}

export interface Ranking {
  /** Unit positions best first; incomplete units last, in input order. */
  readonly order: Int32Array;
  /** Per unit: its rank, 1 for the best; 0 for an incomplete unit, which is not ranked. */
  readonly rank: Int32Array;
  /** Per unit: its rank by index alone, before any tie-break. */
  readonly rankByIndex: Int32Array;
  /** Every set of two or more ranked units with the same index. */
  readonly ties: readonly TieGroup[];
}

export function rankUnits(table: ScoreTable): Ranking {
  const { index, complete, tieKeys } = table;
  const count = index.length;
  const keys = table.compiled.tieBreak.length;
  const order = new Int32Array(count);
  let ranked = 0;
  for (let u = 0; u < count; u++) if (complete[u] === 1) order[ranked++] = u;
  let tail = ranked;
  for (let u = 0; u < count; u++) if (complete[u] === 0) order[tail++] = u;

  const compare = (a: number, b: number): number => {
    const byIndex = index[b] - index[a];
    if (byIndex !== 0) return byIndex;
    const differs = firstDifference(tieKeys, keys, a, b);
    return differs < 0 ? a - b : tieKeys[b * keys + differs] - tieKeys[a * keys + differs];
  };
  order.subarray(0, ranked).sort(compare);

  const rank = new Int32Array(count);
  const rankByIndex = new Int32Array(count);
  const ties: TieGroup[] = [];
  const codes = table.compiled.codes;
  const tieCodes = Array.from(table.compiled.tieBreak, (position) => codes[position]);
  let start = 0;
  while (start < ranked) {
    let stop = start + 1;
    while (stop < ranked && index[order[stop]] === index[order[start]]) stop++;
    const decidedBy: (string | null)[] = [];
    for (let k = start; k < stop; k++) {
      const u = order[k];
      rankByIndex[u] = start + 1;
      if (k === start) {
        rank[u] = start + 1;
        continue;
      }
      const differs = firstDifference(tieKeys, keys, order[k - 1], u);
      rank[u] = differs < 0 ? rank[order[k - 1]] : k + 1;
      decidedBy.push(differs < 0 ? null : tieCodes[differs]);
    }
    if (stop - start > 1) ties.push({ units: Array.from(order.subarray(start, stop)), decidedBy });
    start = stop;
  }
  return { order, rank, rankByIndex, ties };
}

function firstDifference(tieKeys: Float64Array, keys: number, a: number, b: number): number {
  for (let t = 0; t < keys; t++) if (tieKeys[a * keys + t] !== tieKeys[b * keys + t]) return t;
  return -1;
}
