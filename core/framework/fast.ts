// The hot path of `scoreUnits`: a unit's total only, no statuses. 10,000 units × 200
// criteria must score and rank in milliseconds, so the leaves of one method are scored
// in one call (`scoreEach`) over neighbouring slots, and a part that cannot clamp adds
// up as the plain sum of its leaves. Units it does not take go through `scoreInto`.

import { type CompiledFramework, INPUT } from './compile';
import type { UnitInputs } from './inputs';
import type { FastScratch, Scratch } from './scratch';

/**
 * Scores the common unit — every scored leaf has a value of its method's kind, no node
 * is given above a leaf, no value is invalid; optional areas present or wholly absent —
 * and returns true; returns false for any other unit, to be scored by `scoreInto`.
 */
export function scoreTotals(c: CompiledFramework, inputs: UnitInputs, s: Scratch): boolean {
  const { kind } = inputs;
  for (let slot = c.leafCount; slot < c.size; slot++) if (kind[slot] > INPUT.noData) return false;
  const f = s.fast;
  f.value = inputs.value;
  f.denominator = inputs.denominator;
  const absentMax = scoreLeaves(c, kind, f);
  if (absentMax < 0) return false;
  // Leaves were scored before their kinds were checked: a value of the wrong kind only
  // wasted that work, as the unit now goes to `scoreInto`.
  let net = 0;
  const { regionStart, regionArea } = c;
  for (let k = 0; k < regionArea.length; k++) {
    if (k > 0 && f.absent[regionArea[k]] === 1) continue;
    const sum = checkedSum(c, kind, f.points, regionStart[k], regionStart[k + 1]);
    if (Number.isNaN(sum)) return false;
    net += sum;
  }
  const { clampParents, clampAreas, slot, sign } = c;
  for (let j = 0; j < clampParents.length; j++) {
    const p = clampParents[j];
    if (f.absent[c.areaOf[p]] === 0) f.points[slot[p]] = clampedSum(c, f.points, p);
  }
  for (let j = 0; j < clampAreas.length; j++) {
    const a = clampAreas[j];
    if (f.absent[c.areaOf[a]] === 0) net += sign[a] * f.points[slot[a]];
  }
  const unitMax = c.maxTotal - absentMax;
  s.total = Math.min(Math.max(net, 0), unitMax);
  s.maxPoints = unitMax;
  s.pending = 0;
  s.errors = 0;
  s.statuses = false;
  return true;
}

/** After `scoreTotals`: the points of node i, or -1 in an absent area. */
export function fastPoints(c: CompiledFramework, f: FastScratch, i: number): number {
  if (f.absent[c.areaOf[i]] === 1) return -1;
  return c.plain[i] === 1 ? sumLeaves(c, f.points, i) : f.points[c.slot[i]];
}

// Scores the leaves of every region present, one call per run of one method; returns
// the maximum left out with absent areas, or -1 for a unit the fast path does not take.
function scoreLeaves(c: CompiledFramework, kind: Uint8Array, f: FastScratch): number {
  const { areas, roleCode, maxPoints, regionStart, regionArea, regionRunStart, runStart, runMethod } = c;
  f.absent.fill(0);
  let absentMax = 0;
  let failed = 0;
  for (let k = 0; k < regionArea.length; k++) {
    if (k > 0 && !anyValue(kind, regionStart[k], regionStart[k + 1])) {
      const area = areas[regionArea[k]];
      f.absent[regionArea[k]] = 1;
      if (roleCode[area] === 0) absentMax += maxPoints[area];
      continue;
    }
    for (let r = regionRunStart[k]; r < regionRunStart[k + 1]; r++) {
      failed += runMethod[r].scoreEach(runStart[r], runStart[r + 1], f);
    }
  }
  // A bonus or deduction nobody entered was scored from an empty slot: it is 0.
  const { adjustments, input } = c;
  for (let j = 0; j < adjustments.length; j++) {
    const i = adjustments[j];
    const slot = c.slot[i];
    if (kind[slot] === input[i] || f.absent[c.areaOf[i]] === 1) continue;
    if (f.points[slot] < 0) failed--;
    f.points[slot] = 0;
  }
  return failed > 0 ? -1 : absentMax;
}

// The weighted sum of the slots, or NaN if one holds a value the fast path does not take.
function checkedSum(
  c: CompiledFramework,
  kind: Uint8Array,
  points: Float64Array,
  from: number,
  to: number,
): number {
  const { slotWeight, slotRegularKinds } = c;
  let total = 0;
  let regular = 1;
  for (let slot = from; slot < to; slot++) {
    total += slotWeight[slot] * points[slot];
    regular &= slotRegularKinds[slot] >> kind[slot];
  }
  return (regular & 1) === 1 ? total : Number.NaN;
}

function clampedSum(c: CompiledFramework, points: Float64Array, p: number): number {
  const { childStart, childList, sign, plain, slot, maxPoints } = c;
  const row = c.childRow[p];
  let total = 0;
  for (let e = childStart[row]; e < childStart[row + 1]; e++) {
    const child = childList[e];
    total += sign[child] * (plain[child] === 1 ? sumLeaves(c, points, child) : points[slot[child]]);
  }
  return Math.min(Math.max(total, 0), maxPoints[p]);
}

function sumLeaves(c: CompiledFramework, points: Float64Array, i: number): number {
  const { leafSlotStart, leafSlots } = c;
  let total = 0;
  for (let e = leafSlotStart[i]; e < leafSlotStart[i + 1]; e++) total += points[leafSlots[e]];
  return total;
}

function anyValue(kind: Uint8Array, from: number, to: number): boolean {
  for (let slot = from; slot < to; slot++) if (kind[slot] > INPUT.noData) return true;
  return false;
}
