import { checkRange, checkRangeEach, parseNoParams } from './shared';
import type { ScoringMethod } from './types';

/**
 * `diem_tru`: a deduction (điểm trừ) the appraiser enters as the amount taken off,
 * 0 to the bound. It subtracts from the parent's points, never below 0.
 */
export const diemTru: ScoringMethod<null> = {
  code: 'diem_tru',
  label: 'Điểm trừ',
  role: 'deduction',
  input: 'points',
  kpiKind: null,
  parseParams: (text) => parseNoParams(text, 'diem_tru'),
  formatParams: () => '',
  score: checkRange,
  scoreEach: checkRangeEach,
};
