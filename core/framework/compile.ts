// Turns a validated framework into flat arrays, once, so scoring a unit is a loop over
// typed arrays with no lookups by code and no allocation.

import type { Checked } from './checked';
import type { FrameworkError } from './errors';
import type { Fixed } from './fixed';
import { findMethod } from './methods';
import { thuCong } from './methods/thu-cong';
import type { AnyMethod, InputKind } from './methods/types';
import { type Criterion, type Framework, isParent, type ParentCriterion, type Role } from './model';
import { type HotLayout, hotLayout } from './slots';
import { nodeRole, walk } from './tree';
import { type ValidateOptions, validateFramework } from './validate';

/** Input kinds as stored in `UnitInputs.kind`; a leaf's method input is one of the last three. */
export const INPUT = { none: 0, noData: 1, points: 2, rate: 3, count: 4 } as const;

const INPUT_OF: Record<InputKind, number> = { points: INPUT.points, rate: INPUT.rate, count: INPUT.count };

const ROLE_CODE: Record<Role, number> = { score: 0, bonus: 1, deduction: 2 };

/**
 * A framework ready to score. Node `i` is the i-th node in pre-order (parents before
 * children, file order), so a node's subtree is `i` up to `end[i]`. A unit's values
 * are laid out by slot instead (see `HotLayout`).
 */
export interface CompiledFramework extends HotLayout {
  readonly framework: Framework;
  readonly size: number;
  readonly nodes: readonly Criterion[];
  readonly codes: readonly string[];
  /** Pre-order position of each code. */
  readonly position: ReadonlyMap<string, number>;
  readonly depth: Uint8Array;
  /** Parent position, -1 for an area. */
  readonly parent: Int32Array;
  /** Position just past the node's subtree. */
  readonly end: Int32Array;
  readonly maxPoints: Float64Array;
  readonly role: readonly Role[];
  /** The role as a code for the hot path: 0 score, 1 bonus, 2 deduction. */
  readonly roleCode: Uint8Array;
  /** +1 when the node's points add to its parent's, -1 for a deduction under a scored parent. */
  readonly sign: Float64Array;
  readonly leaf: Uint8Array;
  readonly optional: Uint8Array;
  /** Each leaf's method (parents hold a placeholder never called). */
  readonly methods: readonly AnyMethod[];
  /** Each leaf's parsed parameters, handed back to its own method only. */
  readonly params: readonly unknown[];
  /** Each leaf's method input as an `INPUT` code; 0 on parents. */
  readonly input: Uint8Array;
  /** Positions of the areas. */
  readonly areas: Int32Array;
  /** Per node: the index (in `areas`) of its area. */
  readonly areaOf: Int32Array;
  /** Positions of the parents, in pre-order. */
  readonly parents: Int32Array;
  /**
   * Children of `parents[q]` are `childList[childStart[q]]` up to `childList[childStart[q + 1]]`;
   * the last row (q = parents.length) lists the areas, children of the framework itself.
   */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Per parent position, its row in the children table; -1 on leaves. */
  readonly childRow: Int32Array;
  /** Positions of the tie-break nodes, in the framework's order. */
  readonly tieBreak: Int32Array;
  /** Maximum of the whole framework: its scored areas, optional ones included. */
  readonly maxTotal: Fixed;
}

/** Validates, then compiles; a framework with any error is not compiled. */
export function compileFramework(
  framework: Framework,
  options: ValidateOptions = {},
): Checked<CompiledFramework, FrameworkError> {
  const errors = validateFramework(framework, options);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: build(framework) };
}

function build(framework: Framework): CompiledFramework {
  const nodes: Criterion[] = [];
  const depth: number[] = [];
  const parent: number[] = [];
  const position = new Map<string, number>();
  walk(framework.areas, (node, d, up) => {
    position.set(node.code, nodes.length);
    nodes.push(node);
    depth.push(d);
    parent.push(up === null ? -1 : (position.get(up.code) ?? -1));
  });
  const size = nodes.length;
  const at = (code: string) => position.get(code) ?? -1;
  const role = nodes.map((node) => nodeRole(node) ?? 'score');
  const end = new Int32Array(size);
  for (let i = size - 1; i >= 0; i--) {
    const node = nodes[i];
    end[i] = isParent(node) ? end[at(lastChild(node))] : i + 1;
  }
  const methods = nodes.map((node) => (isParent(node) ? thuCong : (findMethod(node.method) ?? thuCong)));
  const params = nodes.map((node, i) => {
    if (isParent(node)) return null;
    const parsed = methods[i].parseParams(node.params, node.maxPoints);
    return parsed.ok ? parsed.value : null;
  });
  const input = Uint8Array.from(nodes, (node, i) => (isParent(node) ? 0 : INPUT_OF[methods[i].input]));
  const sign = Float64Array.from(nodes, (_, i) => {
    const up = parent[i];
    const parentRole = up < 0 ? 'score' : role[up];
    return role[i] === 'deduction' && parentRole !== 'deduction' ? -1 : 1;
  });
  const areas = nodes.flatMap((_, i) => (parent[i] === -1 ? [i] : []));
  const areaOf = new Int32Array(size);
  areas.forEach((a, q) => {
    areaOf.fill(q, a, end[a]);
  });
  const parents = nodes.flatMap((node, i) => (isParent(node) ? [i] : []));
  const rows = [...parents.map((p) => nodes.flatMap((_, i) => (parent[i] === p ? [i] : []))), areas];
  const childStart = new Int32Array(rows.length + 1);
  rows.forEach((row, q) => {
    childStart[q + 1] = childStart[q] + row.length;
  });
  const childRow = new Int32Array(size).fill(-1);
  parents.forEach((p, q) => {
    childRow[p] = q;
  });
  const roleCode = Uint8Array.from(role, (r) => ROLE_CODE[r]);
  const base = {
    framework,
    size,
    nodes,
    codes: nodes.map((n) => n.code),
    position,
    depth: Uint8Array.from(depth),
    parent: Int32Array.from(parent),
    end,
    maxPoints: Float64Array.from(nodes, (n) => n.maxPoints),
    role,
    roleCode,
    sign,
    leaf: Uint8Array.from(nodes, (n) => (isParent(n) ? 0 : 1)),
    optional: Uint8Array.from(nodes, (n, i) => (n.optional && parent[i] === -1 ? 1 : 0)),
    methods,
    params,
    input,
    areas: Int32Array.from(areas),
    areaOf,
    parents: Int32Array.from(parents),
    childStart,
    childList: Int32Array.from(rows.flat()),
    childRow,
    tieBreak: Int32Array.from(framework.tieBreak ?? [], at),
    maxTotal: areas.reduce((sum, a) => (role[a] === 'score' ? sum + nodes[a].maxPoints : sum), 0) as Fixed,
  };
  return { ...base, ...hotLayout(base) };
}

function lastChild(node: ParentCriterion): string {
  const last = node.children[node.children.length - 1];
  return last ? last.code : node.code;
}
