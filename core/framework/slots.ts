// Where a unit's values sit in memory, and the plan the fast path follows. Scoring
// 10,000 units is bound by reading their values and by calls per leaf, so leaves of one
// method get neighbouring slots and are scored in one call per method (`scoreEach`).
// Only an optional area, which a unit may skip whole, keeps its leaves apart.

import type { CompiledFramework } from './compile';
import { METHODS } from './methods';
import type { AnyMethod } from './methods/types';

export interface HotLayout {
  /**
   * Per node position, the slot of its value in `UnitInputs`: leaves first, by region
   * (the required areas together, then each optional area), then by method, then in
   * pre-order; parents after them, in pre-order.
   */
  readonly slot: Int32Array;
  readonly leafCount: number;
  /** By slot: the node's maximum. */
  readonly slotMaxPoints: Float64Array;
  /** By slot: a leaf's parsed parameters. */
  readonly slotParams: readonly unknown[];
  /**
   * By slot, a bit per `INPUT` kind the fast path takes there: the method's kind on a
   * leaf, or also nothing for a bonus or deduction (nobody granted it).
   */
  readonly slotRegularKinds: Uint8Array;
  /**
   * By leaf slot, what its points count for in the total: its area's sign (+1, or -1 in
   * a deduction area) when the area is a plain sum, else 0 (the area is summed apart).
   */
  readonly slotWeight: Float64Array;
  /**
   * Region 0 is the leaves of every required area; region k > 0 those of one optional
   * area, `regionArea[k]` (an index in `areas`). Region k is slots `regionStart[k]` up
   * to `regionStart[k + 1]`, and runs `regionRunStart[k]` up to `regionRunStart[k + 1]`.
   */
  readonly regionStart: Int32Array;
  readonly regionRunStart: Int32Array;
  readonly regionArea: Int32Array;
  /** Runs of leaf slots of one region and one method: run r is slots `runStart[r]` up to `runStart[r + 1]`. */
  readonly runStart: Int32Array;
  readonly runMethod: readonly AnyMethod[];
  /**
   * Per node position, 1 when its points are the plain sum of its leaves' (every sign +1,
   * no clamp that can bind below it).
   */
  readonly plain: Uint8Array;
  /** Positions of the parents that are not plain, children before parents. */
  readonly clampParents: Int32Array;
  /** Positions of the areas that are not plain: their points come from `clampParents`. */
  readonly clampAreas: Int32Array;
  /** Slots of the leaves under node i (itself, for a leaf): `leafSlots[leafSlotStart[i]]` up to `leafSlots[leafSlotStart[i + 1]]`. */
  readonly leafSlotStart: Int32Array;
  readonly leafSlots: Int32Array;
  /** Positions of the bonus and deduction leaves. */
  readonly adjustments: Int32Array;
}

type Tree = Omit<CompiledFramework, keyof HotLayout>;

export function hotLayout(t: Tree): HotLayout {
  const plain = Uint8Array.from({ length: t.size }, (_, i) => (isPlain(t, i) ? 1 : 0));
  const optionalAreas = Array.from(t.areas.keys()).filter((q) => t.optional[t.areas[q]] === 1);
  const region = (i: number) => optionalAreas.indexOf(t.areaOf[i]) + 1;
  const rank = (i: number) => METHODS.indexOf(t.methods[i]);
  const leaves = Array.from({ length: t.size }, (_, i) => i)
    .filter((i) => t.leaf[i] === 1)
    .sort((a, b) => region(a) - region(b) || rank(a) - rank(b) || a - b);
  const order = [...leaves, ...t.parents];
  const slot = new Int32Array(t.size);
  order.forEach((i, s) => {
    slot[i] = s;
  });
  const bySlot = <T>(f: (i: number) => T) => order.map(f);
  return {
    slot,
    leafCount: leaves.length,
    slotMaxPoints: Float64Array.from(bySlot((i) => t.maxPoints[i])),
    slotParams: bySlot((i) => t.params[i]),
    slotRegularKinds: Uint8Array.from(bySlot((i) => regularKinds(t, i))),
    slotWeight: Float64Array.from(leaves, (i) => {
      const area = t.areas[t.areaOf[i]];
      return plain[area] === 1 ? t.sign[area] : 0;
    }),
    ...runs(t, leaves, region, optionalAreas),
    plain,
    clampParents: Int32Array.from(t.parents.filter((p) => plain[p] === 0).reverse()),
    clampAreas: t.areas.filter((a) => plain[a] === 0),
    ...leafSlotLists(t, slot),
    adjustments: Int32Array.from(leaves.filter((i) => t.role[i] !== 'score')),
  };
}

function regularKinds(t: Tree, i: number): number {
  const empty = 0b11;
  if (t.leaf[i] === 0) return empty;
  return (1 << t.input[i]) | (t.role[i] === 'score' ? 0 : empty);
}

function runs(
  t: Tree,
  leaves: readonly number[],
  region: (i: number) => number,
  optionalAreas: readonly number[],
) {
  const regions = optionalAreas.length + 1;
  const runStart: number[] = [];
  const runMethod: AnyMethod[] = [];
  const regionStart = new Int32Array(regions + 1);
  const regionRunStart = new Int32Array(regions + 1);
  leaves.forEach((i, s) => {
    const previous = leaves[s - 1];
    regionStart[region(i) + 1] = s + 1;
    if (previous !== undefined && region(previous) === region(i) && t.methods[previous] === t.methods[i])
      return;
    runStart.push(s);
    runMethod.push(t.methods[i]);
    regionRunStart[region(i) + 1] = runStart.length;
  });
  runStart.push(leaves.length);
  // Region 0 is empty when every area is optional: carry the starts over it.
  for (let k = 0; k < regions; k++) {
    regionStart[k + 1] = Math.max(regionStart[k + 1], regionStart[k]);
    regionRunStart[k + 1] = Math.max(regionRunStart[k + 1], regionRunStart[k]);
  }
  return {
    regionStart,
    regionRunStart,
    regionArea: Int32Array.from([-1, ...optionalAreas]),
    runStart: Int32Array.from(runStart),
    runMethod,
  };
}

// A parent clamps only where scored and bonus or deduction children meet, and a
// deduction under a scored parent subtracts; anywhere else the leaves' sum is the answer.
function isPlain(t: Tree, i: number): boolean {
  if (t.leaf[i] === 1) return true;
  const row = t.childRow[i];
  const kids = Array.from(t.childList.subarray(t.childStart[row], t.childStart[row + 1]));
  const first = t.role[kids[0] ?? i];
  return kids.every((k) => t.role[k] === first && t.sign[k] === 1 && isPlain(t, k));
}

function leafSlotLists(t: Tree, slot: Int32Array) {
  const lists = Array.from({ length: t.size }, (_, i) => {
    const under: number[] = [];
    for (let j = i; j < t.end[i]; j++) if (t.leaf[j] === 1) under.push(slot[j]);
    return under;
  });
  const leafSlotStart = new Int32Array(t.size + 1);
  lists.forEach((list, i) => {
    leafSlotStart[i + 1] = leafSlotStart[i] + list.length;
  });
  return { leafSlotStart, leafSlots: Int32Array.from(lists.flat()) };
}
