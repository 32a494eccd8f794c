import { checkRange, checkRangeEach, parseNoParams } from './shared';
import type { ScoringMethod } from './types';

/**
 * `diem_thuong`: bonus points (điểm thưởng) entered by the appraiser, 0 to the bound.
 * They add to the parent's points but not to its maximum, which still caps the sum.
 */
export const diemThuong: ScoringMethod<null> = {
  code: 'diem_thuong',
  label: 'Điểm thưởng',
  role: 'bonus',
  input: 'points',
  kpiKind: null,
  parseParams: (text) => parseNoParams(text, 'diem_thuong'),
  formatParams: () => '',
  score: checkRange,
  scoreEach: checkRangeEach,
};
