import { type Fixed, mulDivRound } from '../fixed';
import { parseNoParams } from './shared';
import { type LeafColumns, SCORE_FAILURE, type ScoringMethod } from './types';

function score(numerator: number, denominator: number, maxPoints: Fixed): number {
  if (numerator < 0 || denominator <= 0 || numerator > denominator) return SCORE_FAILURE.badInput;
  return mulDivRound(maxPoints, numerator, denominator);
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

/**
 * `khao_sat`: maximum × survey index / 100. The index comes as a rate (82.35 → 0.8235);
 * above 100 it is a data error, not capped, because a survey index cannot exceed it.
 */
export const khaoSat: ScoringMethod<null> = {
  code: 'khao_sat',
  label: 'Điều tra xã hội học (điểm tối đa × chỉ số / 100)',
  role: 'score',
  input: 'rate',
  kpiKind: 'rate',
  parseParams: (text) => parseNoParams(text, 'khao_sat'),
  formatParams: () => '',
  score,
  scoreEach,
};
