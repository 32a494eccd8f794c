import { type Fixed, mulDivRound } from '../fixed';
import { parseNoParams } from './shared';
import { type LeafColumns, SCORE_FAILURE, type ScoringMethod } from './types';

function score(numerator: number, denominator: number, maxPoints: Fixed): number {
  if (numerator < 0 || denominator <= 0) return SCORE_FAILURE.badInput;
  // Capping by min rather than a branch: rates either side of 100 % come in any order.
  return mulDivRound(maxPoints, Math.min(numerator, denominator), denominator);
}

function scoreEach(from: number, to: number, columns: LeafColumns): number {
  const { value, denominator, maxPoints, points } = columns;
  let failed = 0;
  for (let i = from; i < to; i++) {
    const result = score(value[i], denominator[i], maxPoints[i] as Fixed);
    points[i] = result;
    if (result < 0) failed++;
  }
  return failed;
}

/** `ty_le`: maximum × rate, the rate capped at 100 %, rounded half-up to 10⁻⁶. */
export const tyLe: ScoringMethod<null> = {
  code: 'ty_le',
  label: 'Tỷ lệ (điểm tối đa × tỷ lệ)',
  role: 'score',
  input: 'rate',
  kpiKind: 'rate',
  parseParams: (text) => parseNoParams(text, 'ty_le'),
  formatParams: () => '',
  score,
  scoreEach,
};
