// A KPI's value keeps its exact fraction: thresholds compare numerator / denominator in
// integers (19,999 of 20,000 is not 100%), and only display rounds.

export interface RateResult {
  /** numerator × 100 / denominator, unrounded; null when there is no data. */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}

export interface CountResult {
  readonly value: number;
}

export type KpiResult = RateResult | CountResult;

export function rateResult(numerator: number, denominator: number): RateResult {
  // One division, so whole percents such as 29/100 come out exactly 29.
  return { value: denominator === 0 ? null : (numerator * 100) / denominator, numerator, denominator };
}

export function countResult(value: number): CountResult {
  return { value };
}

export function isRateResult(result: KpiResult): result is RateResult {
  return 'denominator' in result;
}

/** A percent as an exact fraction of integers: 33.5 → 335 / 10. */
function fractionOfPercent(percent: number): { num: bigint; den: bigint } {
  if (!Number.isFinite(percent)) throw new RangeError(`Not a percent: ${percent}`);
  // toFixed never uses exponent notation, and 10 decimals is finer than any target.
  const text = percent.toFixed(10).replace(/0+$/, '');
  const [whole = '0', decimals = ''] = text.replace('-', '').split('.');
  const den = 10n ** BigInt(decimals.length);
  const num = BigInt(whole) * den + BigInt(decimals || '0');
  return { num: percent < 0 ? -num : num, den };
}

/** Hundredths of a percent, rounded half up from the exact fraction (2727 for 3/11). */
function hundredths(result: RateResult): bigint | null {
  if (result.denominator === 0) return null;
  const n = BigInt(result.numerator);
  const d = BigInt(result.denominator);
  return (20000n * n + d) / (2n * d);
}

/** The rate rounded half up to 2 decimals, for display: 3/11 → 27.27, 1/8 → 12.5. */
export function roundedPercent(result: RateResult): number | null {
  const h = hundredths(result);
  return h === null ? null : Number(h) / 100;
}

/** "27,27%" (vi) or "27.27%" (en), always with 2 decimals; null when there is no data. */
export function formatPercent(result: RateResult, locale: 'vi' | 'en' = 'vi'): string | null {
  const h = hundredths(result);
  if (h === null) return null;
  const decimals = String(h % 100n).padStart(2, '0');
  return `${h / 100n}${locale === 'vi' ? ',' : '.'}${decimals}%`;
}

export interface KpiTarget {
  /** atLeast for "≥ 50%", atMost for "0 late dossiers without an apology". */
  readonly op: 'atLeast' | 'atMost';
  /** Percent for a rate, a number of records for a count. */
  readonly value: number;
}

/** Whether the result reaches the target, exactly; null when the rate has no data. */
export function meetsTarget(result: KpiResult, target: KpiTarget): boolean | null {
  if (!isRateResult(result)) {
    return target.op === 'atLeast' ? result.value >= target.value : result.value <= target.value;
  }
  if (result.denominator === 0) return null;
  const t = fractionOfPercent(target.value);
  const scaled = 100n * t.den * BigInt(result.numerator);
  const wanted = t.num * BigInt(result.denominator);
  return target.op === 'atLeast' ? scaled >= wanted : scaled <= wanted;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * How many records short of `targetPercent` a rate is. `existing`: records already in
 * the denominator that would have to move into the numerator ("12 more documents
 * signed"). `new`: records to add to both ("5 more dossiers received online"). 0 when
 * the target is met; null when it cannot be reached that way (no data to convert, or a
 * 100% target against records already counted short). With no data, one new record
 * makes data.
 */
export function recordsToReachTarget(
  result: RateResult,
  targetPercent: number,
  mode: 'existing' | 'new' = 'existing',
): number | null {
  if (result.denominator === 0) return mode === 'new' ? 1 : null;
  if (targetPercent > 100) return null;
  const t = fractionOfPercent(Math.max(0, targetPercent));
  const n = BigInt(result.numerator);
  const d = BigInt(result.denominator);
  // Reached when 100·den_t·(n + k) ≥ num_t·(d + k·[new]).
  const gap = t.num * d - 100n * t.den * n;
  if (gap <= 0n) return 0;
  if (mode === 'existing') return Number(ceilDiv(gap, 100n * t.den));
  const perRecord = 100n * t.den - t.num;
  return perRecord <= 0n ? null : Number(ceilDiv(gap, perRecord));
}
