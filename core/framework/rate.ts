// KPI rates stay exact fractions: 19,999 / 20,000 must not reach a 100 % threshold,
// which any rounding to a percent would allow.

import { fail, ok, type Parsed } from './checked';
import { compareFractions, type Fixed, gcd, mulDivRound, parseDecimal, SCALE } from './fixed';

/** A rate as the exact fraction numerator / denominator (1 = 100 %); both non-negative integers. */
export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
}

const HUNDRED_PERCENT = 100 * SCALE;

/**
 * The rate numerator / denominator from counts; null when the denominator is 0,
 * which SPEC §5 defines as "no data". Throws on negative or fractional counts.
 */
export function rateOf(numerator: number, denominator: number): Rate | null {
  if (!isCount(numerator) || !isCount(denominator)) {
    throw new RangeError(`A rate needs non-negative integer counts: ${numerator}/${denominator}`);
  }
  if (denominator === 0) return null;
  return { numerator, denominator };
}

/** A rate given as a percent (`fixed('85.5')` → 171/200). Throws on a negative percent. */
export function rateFromPercent(percent: Fixed): Rate {
  if (percent < 0) throw new RangeError('A percent cannot be negative');
  const divisor = gcd(percent, HUNDRED_PERCENT);
  return { numerator: percent / divisor, denominator: HUNDRED_PERCENT / divisor };
}

/**
 * Reads a rate typed by a person: a percent ("85", "85,5", "85.5 %") or an exact
 * fraction of counts ("17/20"). "0/0" is no data (null).
 */
export function parseRate(text: string): Parsed<Rate | null> {
  const trimmed = text.trim();
  if (trimmed.includes('/')) {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
    if (!match) return fail(`"${text}" không phải là một tỷ lệ tử số/mẫu số hợp lệ`);
    return ok(rateOf(Number(match[1]), Number(match[2])));
  }
  const percent = parseDecimal(trimmed.replace(/\s*%$/, ''));
  if (percent === null || percent < 0) return fail(`"${text}" không phải là một tỷ lệ phần trăm hợp lệ`);
  return ok(rateFromPercent(percent));
}

/** True when the rate reaches `percent` (a `Fixed` percent), compared exactly. */
export function reachesPercent(rate: Rate, percent: Fixed): boolean {
  return compareFractions(rate.numerator, rate.denominator, percent, HUNDRED_PERCENT) >= 0;
}

/** The rate in percent rounded half-up to `decimals` places, for display (SPEC §5). */
export function ratePercent(rate: Rate, decimals = 2): Fixed {
  const step = 10 ** (6 - decimals);
  return (mulDivRound(rate.numerator, HUNDRED_PERCENT / step, rate.denominator) * step) as Fixed;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
