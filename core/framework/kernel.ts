// Scoring one unit in full: every node's points and status, for the detail view and
// for the units the fast path (fast.ts) does not take.

import { type CompiledFramework, INPUT } from './compile';
import type { Fixed } from './fixed';
import type { UnitInputs } from './inputs';
import { SCORE_FAILURE } from './methods/types';
import { NODE_STATUS, type Scratch } from './scratch';

const { pending: PENDING, scored: SCORED, given: GIVEN, covered: COVERED } = NODE_STATUS;
const { absent: ABSENT, error: ERROR, partial: PARTIAL } = NODE_STATUS;

/**
 * Scores one unit into `s`, every node's points and status: the walk the detail view
 * needs. Leaves by their method; then each parent, children before parents, becomes
 * the sum of its children, bonus added and deductions taken off, clamped to 0..its
 * maximum, so no total ever exceeds its maximum. A node given directly is taken as it
 * is and its subtree skipped; so is an absent optional area.
 */
export function scoreInto(c: CompiledFramework, inputs: UnitInputs, s: Scratch): void {
  const { size, end, leaf, optional, maxPoints, input, roleCode, slot } = c;
  const { kind, value } = inputs;
  const { points, status } = s;
  s.pending = 0;
  s.errors = 0;
  let absentMax = 0;
  let i = 0;
  while (i < size) {
    const stop = end[i];
    const k = kind[slot[i]];
    if (optional[i] === 1 && !anyValueUnder(c, kind, i)) {
      if (roleCode[i] === 0) absentMax += maxPoints[i];
      mark(s, i, stop, ABSENT);
      i = stop;
    } else if (k === INPUT.points && (leaf[i] === 0 || input[i] !== INPUT.points)) {
      setResult(s, i, checkGiven(value[slot[i]], maxPoints[i]), GIVEN);
      mark(s, i + 1, stop, COVERED);
      i = stop;
    } else {
      if (leaf[i] === 1) scoreLeaf(c, inputs, s, i);
      else status[i] = SCORED;
      i++;
    }
  }
  for (let q = c.parents.length - 1; q >= 0; q--) {
    const p = c.parents[q];
    if (status[p] !== SCORED) continue;
    points[p] = Math.min(Math.max(childrenNet(c, s, q), 0), maxPoints[p]);
    if (anyChildIncomplete(c, s, q)) status[p] = PARTIAL;
  }
  const unitMax = c.maxTotal - absentMax;
  s.total = Math.min(Math.max(childrenNet(c, s, c.parents.length), 0), unitMax);
  s.maxPoints = unitMax;
  s.statuses = true;
}

function scoreLeaf(c: CompiledFramework, inputs: UnitInputs, s: Scratch, i: number): void {
  const at = c.slot[i];
  const k = inputs.kind[at];
  if (k === c.input[i]) {
    const method = c.methods[i];
    setResult(
      s,
      i,
      method.score(inputs.value[at], inputs.denominator[at], c.maxPoints[i] as Fixed, c.params[i]),
      SCORED,
    );
  } else if (k <= INPUT.noData) {
    s.points[i] = 0;
    // A bonus or deduction nobody entered was not granted: it is 0, not pending.
    if (c.roleCode[i] === 0) {
      s.status[i] = PENDING;
      s.pending++;
    } else s.status[i] = SCORED;
  } else if (k === INPUT.points) {
    // Points given for a computed leaf: the scorer's own, within 0..max.
    setResult(s, i, checkGiven(inputs.value[at], c.maxPoints[i]), GIVEN);
  } else setResult(s, i, SCORE_FAILURE.badInput, SCORED);
}

function checkGiven(value: number, maxPoints: number): number {
  return value < 0 ? SCORE_FAILURE.belowZero : value > maxPoints ? SCORE_FAILURE.aboveMax : value;
}

// Row q of the children table: bonus added, deductions taken off, covered and absent left out.
function childrenNet(c: CompiledFramework, s: Scratch, q: number): number {
  let total = 0;
  for (let e = c.childStart[q]; e < c.childStart[q + 1]; e++) {
    const child = c.childList[e];
    const st = s.status[child];
    if (st !== COVERED && st !== ABSENT) total += c.sign[child] * s.points[child];
  }
  return total;
}

function anyChildIncomplete(c: CompiledFramework, s: Scratch, q: number): boolean {
  for (let e = c.childStart[q]; e < c.childStart[q + 1]; e++) {
    const st = s.status[c.childList[e]];
    if (st === PENDING || st === ERROR || st === PARTIAL) return true;
  }
  return false;
}

function setResult(s: Scratch, i: number, result: number, okStatus: number): void {
  if (result < 0) {
    s.points[i] = 0;
    s.status[i] = ERROR;
    s.failure[i] = result;
    s.errors++;
  } else {
    s.points[i] = result;
    s.status[i] = okStatus;
  }
}

function anyValueUnder(c: CompiledFramework, kind: Uint8Array, i: number): boolean {
  for (let j = i; j < c.end[i]; j++) if (kind[c.slot[j]] > INPUT.noData) return true;
  return false;
}

function mark(s: Scratch, from: number, to: number, status: number): void {
  s.points.fill(0, from, to);
  s.status.fill(status, from, to);
}
