// Publishing a round: the units' appraised values scored and ranked together by the
// engine (`scoreAndRank`: equal indexes share a rank unless the framework's tie-break
// separates them), each compared with its previous year's published result by criterion
// code (`compareWithPrevious`). What comes out is stored as is and never edited.

import {
  buildInputs,
  type CompiledFramework,
  compareWithPrevious,
  type Fixed,
  formatDecimal,
  type NodeInput,
  type NodeResult,
  parseDecimal,
  scoreAndRank,
  type UnitResult,
} from '../framework/index';
import { canonicalJson } from './audit-chain';
import { type AreaTotals, totalsJson } from './sheet';

/** A node's published points and component index, by code: what next year compares with. */
export type NodePoints = Record<string, { readonly points: string | null; readonly index: string | null }>;

export interface YearChangeJson {
  readonly previousYear: number;
  readonly total: DeltaJson;
  readonly index: DeltaJson;
  readonly band: { readonly current: string | null; readonly previous: string | null };
  /** Positive change = moved up. */
  readonly rank: {
    readonly current: number | null;
    readonly previous: number | null;
    readonly change: number | null;
  };
  /** Per area (by code, as this year's framework has them). */
  readonly areas: readonly { readonly code: string; readonly points: DeltaJson; readonly index: DeltaJson }[];
}

export interface DeltaJson {
  readonly current: string | null;
  readonly previous: string | null;
  readonly change: string | null;
}

/** A published result as stored (one version). */
export interface PublishedData {
  readonly total: string;
  readonly maxPoints: string;
  readonly index: string;
  readonly band: string | null;
  readonly rank: number | null;
  readonly areas: readonly AreaTotals[];
  readonly nodePoints: NodePoints;
  readonly change: YearChangeJson | null;
}

/** Last year's published result of a unit, as stored. */
export interface PreviousResult {
  readonly year: number;
  readonly total: string;
  readonly maxPoints: string;
  readonly index: string;
  readonly band: string | null;
  readonly rank: number | null;
  readonly nodePoints: NodePoints;
}

const dec = (text: string | null): Fixed | null => (text === null ? null : parseDecimal(text));

/** A stored result read back as the engine's shape, for `compareWithPrevious`. */
function asUnitResult(previous: PreviousResult): UnitResult {
  const nodes: NodeResult[] = Object.entries(previous.nodePoints).map(([code, node]) => ({
    code,
    name: '',
    depth: code.split('.').length - 1,
    leaf: false,
    role: 'score',
    maxPoints: 0 as Fixed,
    points: dec(node.points),
    index: dec(node.index),
    status: 'scored',
  }));
  return {
    unit: '',
    complete: true,
    total: dec(previous.total) ?? (0 as Fixed),
    maxPoints: dec(previous.maxPoints) ?? (0 as Fixed),
    index: dec(previous.index) ?? (0 as Fixed),
    band: previous.band,
    rank: previous.rank,
    rankByIndex: previous.rank,
    areas: nodes.filter((n) => n.depth === 0),
    nodes,
    pending: [],
    errors: [],
  };
}

function deltaJson(
  d: { current: Fixed | null; previous: Fixed | null; change: Fixed | null },
  decimals?: number,
): DeltaJson {
  const f = (x: Fixed | null) =>
    x === null ? null : formatDecimal(x, decimals === undefined ? {} : { decimals });
  return { current: f(d.current), previous: f(d.previous), change: f(d.change) };
}

export function nodePointsOf(compiled: CompiledFramework, result: UnitResult): NodePoints {
  const decimals = compiled.framework.indexDecimals;
  const out: Record<string, { points: string | null; index: string | null }> = {};
  for (const node of result.nodes) {
    out[node.code] = {
      points: node.points === null ? null : formatDecimal(node.points),
      index: node.index === null ? null : formatDecimal(node.index, { decimals }),
    };
  }
  return out;
}

/** This year's result against last year's, matched by criterion code. */
export function changeFrom(
  compiled: CompiledFramework,
  current: UnitResult,
  previous: PreviousResult,
): YearChangeJson {
  const change = compareWithPrevious(current, asUnitResult(previous));
  const decimals = compiled.framework.indexDecimals;
  const areaCodes = new Set(current.areas.map((a) => a.code));
  return {
    previousYear: previous.year,
    total: deltaJson(change.total),
    index: deltaJson(change.index, decimals),
    band: change.band,
    rank: change.rank,
    areas: change.nodes
      .filter((n) => areaCodes.has(n.code))
      .map((n) => ({ code: n.code, points: deltaJson(n.points), index: deltaJson(n.index, decimals) })),
  };
}

export interface RoundUnit<K> {
  readonly key: K;
  readonly values: Record<string, NodeInput>;
  readonly previous: PreviousResult | null;
}

/**
 * Scores and ranks the units of a round on their appraised values. A unit whose result
 * is not complete is reported in `incomplete` (with the engine's reasons) and nothing is
 * published: a rank is only meaningful over the whole round.
 */
export function publishResults<K>(
  compiled: CompiledFramework,
  units: readonly RoundUnit<K>[],
):
  | { ok: true; results: { key: K; data: PublishedData }[] }
  | { ok: false; incomplete: { key: K; pending: readonly string[]; errors: readonly string[] }[] } {
  const ranked = scoreAndRank(
    compiled,
    units.map((u, i) => ({ unit: String(i), inputs: buildOrThrow(compiled, u.values) })),
  );
  const incomplete = ranked.units.flatMap((result, i) =>
    result.complete
      ? []
      : [
          {
            key: (units[i] as RoundUnit<K>).key,
            pending: result.pending,
            errors: result.errors.map((e) => e.message),
          },
        ],
  );
  if (incomplete.length > 0) return { ok: false, incomplete };
  return {
    ok: true,
    results: ranked.units.map((result, i) => {
      const unit = units[i] as RoundUnit<K>;
      const totals = totalsJson(compiled, result);
      return {
        key: unit.key,
        data: {
          total: totals.total,
          maxPoints: totals.maxPoints,
          index: totals.index,
          band: result.band,
          rank: result.rank,
          areas: totals.areas,
          nodePoints: nodePointsOf(compiled, result),
          change: unit.previous ? changeFrom(compiled, result, unit.previous) : null,
        },
      };
    }),
  };
}

function buildOrThrow(compiled: CompiledFramework, values: Record<string, NodeInput>) {
  const { inputs, errors } = buildInputs(compiled, { values });
  if (errors.length > 0) throw new Error(`appraised values do not fit the framework: ${errors[0]?.message}`);
  return inputs;
}

/** Whether two published results say the same (a correction publishes only what changed). */
export function samePublished(a: PublishedData, b: PublishedData): boolean {
  const same = (x: string, y: string) => parseDecimal(x) === parseDecimal(y);
  return (
    same(a.total, b.total) &&
    same(a.index, b.index) &&
    a.band === b.band &&
    a.rank === b.rank &&
    canonicalJson(a.areas) === canonicalJson(b.areas) &&
    canonicalJson(a.nodePoints) === canonicalJson(b.nodePoints)
  );
}
