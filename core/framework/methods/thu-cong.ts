import { checkRange, checkRangeEach, parseNoParams } from './shared';
import type { ScoringMethod } from './types';

/** `thu_cong`: the scorer enters points from 0 to the maximum, with evidence. */
export const thuCong: ScoringMethod<null> = {
  code: 'thu_cong',
  label: 'Chấm thủ công',
  role: 'score',
  input: 'points',
  kpiKind: null,
  parseParams: (text) => parseNoParams(text, 'thu_cong'),
  formatParams: () => '',
  score: checkRange,
  scoreEach: checkRangeEach,
};
