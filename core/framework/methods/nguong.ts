import { fail, ok, type Parsed } from '../checked';
import { compareFractions, type Fixed, formatDecimal, gcd, parseDecimal, SCALE } from '../fixed';
import { splitPairs } from './shared';
import { type LeafColumns, SCORE_FAILURE, type ScoringMethod } from './types';

/** Thresholds from the highest; each percent is also kept as a reduced fraction to compare exactly. */
export interface Thresholds {
  readonly percents: readonly Fixed[];
  readonly points: readonly Fixed[];
  readonly numerators: readonly number[];
  readonly denominators: readonly number[];
  /** `points` and a final 0, for a KPI below every threshold. */
  readonly pointsOrZero: readonly number[];
}

const HUNDRED = 100 * SCALE;
const SMALL = 2 ** 26;

function score(numerator: number, denominator: number, _maxPoints: Fixed, t: Thresholds): number {
  if (numerator < 0 || denominator <= 0) return SCORE_FAILURE.badInput;
  const { numerators, denominators, pointsOrZero } = t;
  // Thresholds fall strictly, so the ones not reached come first: counting them gives
  // the first one reached without a data-dependent branch per threshold.
  let notReached = 0;
  if (numerator < SMALL && denominator < SMALL) {
    // Counts below 2^26 times a reduced percent (below 2^27) multiply exactly.
    for (let k = 0; k < numerators.length; k++)
      notReached += +(numerator * denominators[k] < numerators[k] * denominator);
  } else {
    for (let k = 0; k < numerators.length; k++) {
      notReached += +(compareFractions(numerator, denominator, numerators[k], denominators[k]) < 0);
    }
  }
  return pointsOrZero[notReached];
}

function scoreEach(from: number, to: number, columns: LeafColumns): number {
  const { value, denominator, maxPoints, params, points } = columns;
  let failed = 0;
  for (let i = from; i < to; i++) {
    const result = score(value[i], denominator[i], maxPoints[i] as Fixed, params[i] as Thresholds);
    points[i] = result;
    if (result < 0) failed++;
  }
  return failed;
}

/**
 * `nguong`: `100:2;80:1;0:0` — the points of the first pair whose percent the KPI
 * reaches, comparing the exact fraction (19,999/20,000 does not reach 100). None
 * reached gives 0.
 */
export const nguong: ScoringMethod<Thresholds> = {
  code: 'nguong',
  label: 'Ngưỡng theo chỉ tiêu (%)',
  role: 'score',
  input: 'rate',
  kpiKind: 'rate',
  parseParams: parseThresholds,
  formatParams: (t) =>
    t.percents.map((p, i) => `${formatDecimal(p)}:${formatDecimal(t.points[i])}`).join(';'),
  score,
  scoreEach,
};

function parseThresholds(text: string, maxPoints: Fixed): Parsed<Thresholds> {
  const pairs = splitPairs(text);
  if (!pairs.ok) return fail(`Danh sách ngưỡng không hợp lệ: ${pairs.message}`);
  const percents: Fixed[] = [];
  const points: Fixed[] = [];
  for (const { key, value } of pairs.value) {
    const percent = parseDecimal(key.replace(/\s*%$/, ''));
    const pts = parseDecimal(value);
    if (percent === null || pts === null) return fail(`"${key}:${value}" không đúng dạng "ngưỡng %:điểm"`);
    if (percent < 0 || percent > HUNDRED) return fail(`Ngưỡng ${key} phải từ 0 đến 100`);
    if (pts < 0 || pts > maxPoints) {
      return fail(`Điểm ${value} của ngưỡng ${key} phải từ 0 đến điểm tối đa ${formatDecimal(maxPoints)}`);
    }
    const previous = percents.length - 1;
    if (previous >= 0 && percent >= percents[previous]) {
      return fail('Các ngưỡng phải giảm dần (ngưỡng cao nhất viết trước)');
    }
    // A lower threshold giving more points would make a better KPI score less.
    if (previous >= 0 && pts > points[previous]) {
      return fail(`Ngưỡng ${key} thấp hơn nhưng cho điểm cao hơn ngưỡng trước`);
    }
    percents.push(percent);
    points.push(pts);
  }
  const divisors = percents.map((p) => gcd(p, HUNDRED));
  return ok({
    percents,
    points,
    numerators: percents.map((p, i) => p / divisors[i]),
    denominators: divisors.map((d) => HUNDRED / d),
    pointsOrZero: [...points, 0],
  });
}
