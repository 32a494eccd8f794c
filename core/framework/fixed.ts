// Exact decimals as scaled integers. Scoring 10,000 units × 200 criteria must take
// milliseconds, so a decimal library that allocates an object per operation is out;
// an integer count of millionths held in a plain number adds exactly and costs nothing.

declare const fixedBrand: unique symbol;

/**
 * A decimal (points, a percent, an index) as an integer count of millionths:
 * 1.5 is `1_500_000`. Sums of `Fixed` values are exact while they stay safe integers.
 * The brand keeps a float such as `1.5` from being passed where millionths are meant.
 */
export type Fixed = number & { readonly [fixedBrand]: 'Fixed' };

/** Decimal places a `Fixed` holds. */
export const FIXED_DECIMALS = 6;
/** `Fixed` units per whole point. */
export const SCALE = 1_000_000;

const EXACT_QUOTIENT = 2 ** 51;

/** Zero points. */
export const FIXED_ZERO = 0 as Fixed;

/** Wraps an integer count of millionths, refusing anything that would not add exactly. */
export function asFixed(millionths: number): Fixed {
  if (!Number.isSafeInteger(millionths)) {
    throw new RangeError(`Not a safe integer count of millionths: ${millionths}`);
  }
  return (millionths === 0 ? 0 : millionths) as Fixed;
}

const DECIMAL = /^([+-])?(\d*)(?:[.,](\d*))?$/;

/**
 * Reads "1.5", "0,5" (Vietnamese comma), "-2", " 3 ", ".25". Returns null for anything
 * else, for more than 6 significant decimals, and beyond the safe-integer range.
 */
export function parseDecimal(text: string): Fixed | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '', rawFraction = ''] = match;
  if (whole === '' && rawFraction === '') return null;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > FIXED_DECIMALS) return null;
  const millionths = Number(whole || '0') * SCALE + Number(fraction.padEnd(FIXED_DECIMALS, '0'));
  if (!Number.isSafeInteger(millionths)) return null;
  return asFixed(sign === '-' ? -millionths : millionths);
}

/** For constants in code and tests: `fixed('1.5')`, `fixed(90)`. Throws on a bad value. */
export function fixed(value: string | number): Fixed {
  const parsed = parseDecimal(String(value));
  if (parsed === null) throw new RangeError(`Not an exact decimal: ${value}`);
  return parsed;
}

export interface FormatOptions {
  /** Exactly this many decimals, rounded half-up; default: as many as needed. */
  readonly decimals?: number;
  /** `','` for Vietnamese display; default `'.'` as in framework files. */
  readonly separator?: '.' | ',';
}

/** `1_500_000` → "1.5"; with `{ decimals: 2, separator: ',' }` → "1,50". */
export function formatDecimal(value: Fixed, options: FormatOptions = {}): string {
  const { decimals, separator = '.' } = options;
  const rounded = decimals === undefined ? value : roundFixed(value, decimals);
  const magnitude = Math.abs(rounded);
  const whole = Math.floor(magnitude / SCALE);
  let fraction = String(magnitude - whole * SCALE).padStart(FIXED_DECIMALS, '0');
  fraction = decimals === undefined ? fraction.replace(/0+$/, '') : fraction.slice(0, decimals);
  const sign = rounded < 0 ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}${separator}${fraction}`;
}

/** The float nearest a `Fixed`, for charts only; never add these. */
export function toNumber(value: Fixed): number {
  return value / SCALE;
}

/** Rounds half-up (half away from zero, as Excel's ROUND) to `decimals` places (0–6). */
export function roundFixed(value: Fixed, decimals: number): Fixed {
  const step = 10 ** (FIXED_DECIMALS - decimals);
  return asFixed(divideRounded(value, step) * step);
}

/** Exact sum; throws rather than lose precision. */
export function sumFixed(values: Iterable<Fixed>): Fixed {
  let total = 0;
  for (const v of values) total += v;
  return asFixed(total);
}

/**
 * `a × b / c` rounded half-up, for integers, exactly: in plain numbers while the
 * product is a safe integer, in BigInt beyond it (rare: huge counts or decimals).
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const product = a * b;
  // Below 2^51 a correctly rounded float quotient cannot cross a half it does not reach
  // (see the test), so Math.round (half towards +∞) is exact half-up for non-negatives.
  if (product >= 0 && product < EXACT_QUOTIENT && c > 0) return Math.round(product / c);
  if (Number.isSafeInteger(product) && Number.isSafeInteger(Math.abs(product) + Math.abs(c))) {
    return divideRounded(product, c);
  }
  return bigMulDivRound(a, b, c);
}

/** Sign of `an/ad − bn/bd` for non-negative integers and positive denominators, exactly. */
export function compareFractions(an: number, ad: number, bn: number, bd: number): number {
  const left = an * bd;
  const right = bn * ad;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) {
    return left === right ? 0 : left > right ? 1 : -1;
  }
  const big = BigInt(an) * BigInt(bd) - BigInt(bn) * BigInt(ad);
  return big === 0n ? 0 : big > 0n ? 1 : -1;
}

/** Greatest common divisor of two non-negative safe integers. */
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

// n / d rounded half away from zero; n and n + d are safe integers, d ≠ 0. The float
// quotient can be one off near an integer, so the remainder corrects it.
function divideRounded(n: number, d: number): number {
  const negative = n < 0 !== d < 0;
  const num = Math.abs(n);
  const den = Math.abs(d);
  let q = Math.floor(num / den);
  let r = num - q * den;
  if (r < 0) {
    q -= 1;
    r += den;
  } else if (r >= den) {
    q += 1;
    r -= den;
  }
  if (r >= den - r) q += 1;
  return negative && q !== 0 ? -q : q;
}

function bigMulDivRound(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const negative = n < 0n !== d < 0n;
  const num = n < 0n ? -n : n;
  const den = d < 0n ? -d : d;
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('Result beyond the safe-integer range');
  return result === 0 ? 0 : result;
}
