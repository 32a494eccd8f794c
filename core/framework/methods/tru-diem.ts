import { fail, ok } from '../checked';
import { type Fixed, formatDecimal, parseDecimal } from '../fixed';
import { type LeafColumns, SCORE_FAILURE, type ScoringMethod } from './types';

function score(count: number, _denominator: number, maxPoints: Fixed, perCount: Fixed): number {
  if (count < 0) return SCORE_FAILURE.badInput;
  // Beyond the safe range the product is inexact, but then it exceeds any maximum anyway.
  const deducted = perCount * count;
  return deducted >= maxPoints ? 0 : maxPoints - deducted;
}

function scoreEach(from: number, to: number, columns: LeafColumns): number {
  const { value, maxPoints, params, points } = columns;
  let failed = 0;
  for (let i = from; i < to; i++) {
    const result = score(value[i], 1, maxPoints[i] as Fixed, params[i] as Fixed);
    points[i] = result;
    if (result < 0) failed++;
  }
  return failed;
}

/** `tru_diem`: maximum − points-per-count × count, never below 0 (`Tham số` = points per count). */
export const truDiem: ScoringMethod<Fixed> = {
  code: 'tru_diem',
  label: 'Trừ điểm theo số lần vi phạm',
  role: 'score',
  input: 'count',
  kpiKind: 'count',
  parseParams(text) {
    const perCount = parseDecimal(text);
    if (perCount === null || perCount <= 0) {
      return fail(`Tham số của tru_diem phải là số điểm trừ cho mỗi lần, lớn hơn 0 (đang là "${text}")`);
    }
    return ok(perCount);
  },
  formatParams: (perCount) => formatDecimal(perCount),
  score,
  scoreEach,
};
