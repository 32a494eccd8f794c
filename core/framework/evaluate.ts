// The one call a caller with a handful of units wants: score, rank, describe.

import type { CompiledFramework } from './compile';
import type { UnitInputs } from './inputs';
import { rankUnits } from './rank';
import { type UnitResult, unitResult } from './results';
import { scoreUnits } from './table';

export interface UnitEntry {
  /** The unit's name or id, echoed in the results. */
  readonly unit: string;
  readonly inputs: UnitInputs;
}

export interface RankedResults {
  /** One result per entry, in the entries' order. */
  readonly units: readonly UnitResult[];
  /** Units that had the same index, best first, and the tie-break code that ordered each neighbouring pair (null: still tied). */
  readonly ties: readonly {
    readonly units: readonly string[];
    readonly decidedBy: readonly (string | null)[];
  }[];
}

/** Scores and ranks the units appraised together. Incomplete units get no band and no rank. */
export function scoreAndRank(compiled: CompiledFramework, entries: readonly UnitEntry[]): RankedResults {
  const table = scoreUnits(
    compiled,
    entries.map((e) => e.inputs),
  );
  const ranking = rankUnits(table);
  const name = (u: number) => (entries[u] as UnitEntry).unit;
  return {
    units: entries.map((entry, u) => unitResult(table, u, { unit: entry.unit, ranking })),
    ties: ranking.ties.map((group) => ({ units: group.units.map(name), decidedBy: group.decidedBy })),
  };
}
