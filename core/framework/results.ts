// A unit's result as plain objects: every node's points and status, the areas'
// component indexes, total, index, band and rank, and what blocks a complete result.

import { bandFor } from './band';
import { type CompiledFramework, INPUT } from './compile';
import { type Fixed, formatDecimal } from './fixed';
import { describeValue, type UnitInputs } from './inputs';
import { scoreInto } from './kernel';
import { SCORE_FAILURE } from './methods/types';
import type { Role } from './model';
import type { Ranking } from './rank';
import { createScratch, NODE_STATUS, type Scratch } from './scratch';
import { indexOf, type ScoreTable } from './table';

export type NodeStatus = keyof typeof NODE_STATUS;

const STATUS_NAMES = Object.keys(NODE_STATUS) as NodeStatus[];

export interface NodeResult {
  readonly code: string;
  readonly name: string;
  /** 0 for an area. */
  readonly depth: number;
  readonly leaf: boolean;
  readonly role: Role;
  readonly maxPoints: Fixed;
  /** Null while unknown (pending, covered, absent, error); for a `partial` parent, the points so far. */
  readonly points: Fixed | null;
  /** Component index, points / max × 100 rounded like the index; scored nodes only, not bonus or deduction. */
  readonly index: Fixed | null;
  readonly status: NodeStatus;
}

export type ScoreErrorCode = 'above_max' | 'below_zero' | 'not_a_level' | 'bad_input' | 'nothing_assessed';

export interface ScoreError {
  readonly code: ScoreErrorCode;
  /** The criterion code, or null for the unit as a whole. */
  readonly node: string | null;
  readonly message: string;
}

export interface UnitResult {
  readonly unit: string;
  /** True when nothing is pending or in error; only then are band and rank given. */
  readonly complete: boolean;
  /** Points after bonus and deductions, within 0..maxPoints. A lower bound while incomplete. */
  readonly total: Fixed;
  /** The framework's maximum less any optional area the unit was not assessed on. */
  readonly maxPoints: Fixed;
  /** total / maxPoints × 100, rounded half-up to the framework's decimals. */
  readonly index: Fixed;
  readonly band: string | null;
  readonly rank: number | null;
  /** Rank by index alone; differs from `rank` where a tie-break separated equal indexes. */
  readonly rankByIndex: number | null;
  readonly areas: readonly NodeResult[];
  /** Every node in pre-order (parents before children, framework order). */
  readonly nodes: readonly NodeResult[];
  /** Leaves with no value or no KPI data: they need manual scoring. */
  readonly pending: readonly string[];
  readonly errors: readonly ScoreError[];
}

/** Scores and describes one unit, unranked. */
export function scoreUnit(compiled: CompiledFramework, inputs: UnitInputs, unit = ''): UnitResult {
  const s = createScratch(compiled);
  scoreInto(compiled, inputs, s);
  return describe(compiled, inputs, s, unit, null, null);
}

/** The detail of unit `u` of a table (scored again, which is cheap), with its rank if a ranking is given. */
export function unitResult(
  table: ScoreTable,
  u: number,
  options: { unit?: string; ranking?: Ranking } = {},
): UnitResult {
  const { compiled } = table;
  const inputs = table.inputs[u];
  const s = createScratch(compiled);
  scoreInto(compiled, inputs, s);
  const rank = options.ranking?.rank[u] || null;
  const rankByIndex = options.ranking?.rankByIndex[u] || null;
  return describe(compiled, inputs, s, options.unit ?? '', rank, rankByIndex);
}

function describe(
  c: CompiledFramework,
  inputs: UnitInputs,
  s: Scratch,
  unit: string,
  rank: number | null,
  rankByIndex: number | null,
): UnitResult {
  const decimals = c.framework.indexDecimals;
  const nodes = c.nodes.map((node, i): NodeResult => {
    const status = STATUS_NAMES[s.status[i]] as NodeStatus;
    const known = status === 'scored' || status === 'given';
    const points = known || status === 'partial' ? (s.points[i] as Fixed) : null;
    return {
      code: node.code,
      name: node.name,
      depth: c.depth[i],
      leaf: c.leaf[i] === 1,
      role: c.role[i],
      maxPoints: node.maxPoints,
      points,
      index: known && c.role[i] === 'score' ? indexOf(s.points[i], node.maxPoints, decimals) : null,
      status,
    };
  });
  const errors = nodes.flatMap((node, i) => (node.status === 'error' ? [scoreError(c, inputs, s, i)] : []));
  if (s.maxPoints <= 0) {
    errors.push({
      code: 'nothing_assessed',
      node: null,
      message: 'Đơn vị chưa được đánh giá ở lĩnh vực nào',
    });
  }
  const complete = errors.length === 0 && s.pending === 0;
  const index = indexOf(s.total, s.maxPoints, decimals);
  const areas = Array.from(c.areas, (position) => nodes[position]);
  const areaIndexes = areas.map((area) => area.index);
  return {
    unit,
    complete,
    total: s.total as Fixed,
    maxPoints: s.maxPoints as Fixed,
    index,
    band: complete ? bandFor(c.framework.bands, index, areaIndexes) : null,
    rank: complete ? rank : null,
    rankByIndex: complete ? rankByIndex : null,
    areas,
    nodes,
    pending: nodes.filter((node) => node.status === 'pending').map((node) => node.code),
    errors,
  };
}

function scoreError(c: CompiledFramework, inputs: UnitInputs, s: Scratch, i: number): ScoreError {
  const node = c.codes[i];
  const value = describeValue(inputs, c.slot[i]);
  const max = formatDecimal(c.maxPoints[i] as Fixed);
  switch (s.failure[i]) {
    case SCORE_FAILURE.aboveMax:
      return { code: 'above_max', node, message: `Điểm ${value} của ${node} vượt điểm tối đa ${max}` };
    case SCORE_FAILURE.belowZero:
      return { code: 'below_zero', node, message: `Điểm của ${node} không được âm (${value})` };
    case SCORE_FAILURE.notALevel: {
      const levels = c.methods[i].formatParams(c.params[i]);
      return {
        code: 'not_a_level',
        node,
        message: `${value} không phải là điểm của một mức của ${node} (${levels})`,
      };
    }
    default: {
      const what = inputs.kind[c.slot[i]] === INPUT.rate ? 'Tỷ lệ' : 'Giá trị';
      return { code: 'bad_input', node, message: `${what} ${value} của ${node} không hợp lệ` };
    }
  }
}
