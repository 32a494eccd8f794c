// The framework (bộ chỉ số) as data: one year's areas → criteria → sub-criteria for
// one level, with its bands and ranking rules. Nothing here is code per criterion.

import type { Fixed } from './fixed';

/**
 * A node of the tree: an area (top level), a criterion or a sub-criterion, of any depth.
 * A node with `children` is a parent and takes its points from them; a node without
 * is a leaf and is scored by its `method`.
 */
export type Criterion = ParentCriterion | LeafCriterion;

interface CriterionBase {
  /** Dotted code giving the hierarchy: `3.3.1` sits under `3.3`, which sits under area `3`. */
  readonly code: string;
  readonly name: string;
  /**
   * For a scored node, its maximum; a parent's equals the sum of its scored children's.
   * For a bonus or deduction node, its bound: it adds or subtracts at most this much.
   */
  readonly maxPoints: Fixed;
  /** Evidence expected (tài liệu kiểm chứng), one item per entry. */
  readonly evidence: readonly string[];
  /**
   * Only on an area: a part (the sociological survey) that a year may not run. A unit
   * with no value anywhere in it is assessed without it: the index leaves it out of
   * both the points and the maximum (SPEC §4, Hà Nội QĐ 2940/QĐ-UBND 2022).
   */
  readonly optional?: boolean;
}

export interface ParentCriterion extends CriterionBase {
  readonly children: readonly Criterion[];
}

export interface LeafCriterion extends CriterionBase {
  /** A registered method code: `thu_cong`, `lua_chon`, `nguong`, ... (see `METHODS`). */
  readonly method: string;
  /** The method's parameters as written in the framework file (canonical form), "" when none. */
  readonly params: string;
  /** The KPI key a computed leaf reads its value from, when the value comes from the registers. */
  readonly kpi?: string;
}

/** A classification band: an index at or above `min` earns it (first match from the top). */
export interface Band {
  readonly name: string;
  /** Lowest index (percent) of the band; the last band's is 0. */
  readonly min: Fixed;
  /**
   * Optional floor on every assessed area's component index for this band, as some
   * provinces rule (Kinh Môn 2021: 90 % overall but under 70 % in one area is not Tốt).
   */
  readonly minAreaIndex?: Fixed;
}

export interface Framework {
  readonly year: number;
  /** Administrative level the framework is for, e.g. `xa`, `huyen`, `tinh` (data, not code). */
  readonly level: string;
  readonly name: string;
  /** Bands from the highest down; the last one has `min` 0. */
  readonly bands: readonly Band[];
  /** Decimals the index and component indexes are rounded to, half-up (0–6; usually 2). */
  readonly indexDecimals: number;
  /**
   * Node codes whose points break ties between units of equal index, tried in order
   * (more points ranks first). Empty or absent: equal indexes share a rank.
   */
  readonly tieBreak?: readonly string[];
  /** The areas (lĩnh vực), in order. */
  readonly areas: readonly Criterion[];
}

/** How a node counts towards its parent. */
export type Role = 'score' | 'bonus' | 'deduction';

export function isParent(node: Criterion): node is ParentCriterion {
  return 'children' in node;
}

/** The default index rounding: 2 decimals. */
export const DEFAULT_INDEX_DECIMALS = 2;
