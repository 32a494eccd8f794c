import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asFixed,
  compareFractions,
  type Fixed,
  fixed,
  formatDecimal,
  mulDivRound,
  parseDecimal,
  roundFixed,
  sumFixed,
} from './fixed';

describe('parseDecimal', () => {
  it('reads dot and Vietnamese comma decimals exactly', () => {
    expect(parseDecimal('1.5')).toBe(1_500_000);
    expect(parseDecimal('0,5')).toBe(500_000);
    expect(parseDecimal(' -2 ')).toBe(-2_000_000);
    expect(parseDecimal('.25')).toBe(250_000);
    expect(parseDecimal('3.1400000')).toBe(3_140_000);
    expect(parseDecimal('0.000001')).toBe(1);
  });

  it('refuses what is not a plain decimal, or finer than a millionth', () => {
    for (const text of ['', ' ', 'abc', '1.2.3', '1,5,0', '1e3', '0.0000001', '1 000', '.', '--1', '12%']) {
      expect(parseDecimal(text), text).toBeNull();
    }
    expect(parseDecimal('9007199254.740993')).toBeNull();
  });
});

describe('exact sums', () => {
  it('totals 0.1 + 0.2 as exactly 0.3', () => {
    const total = sumFixed([fixed('0.1'), fixed('0.2')]);
    expect(total).toBe(fixed('0.3'));
    expect(formatDecimal(total)).toBe('0.3');
  });

  it('refuses a millionth count that is not a safe integer', () => {
    expect(() => asFixed(0.5)).toThrow(RangeError);
    expect(() => asFixed(2 ** 53)).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it('writes as few decimals as needed, or exactly as many as asked', () => {
    expect(formatDecimal(fixed('1.5'))).toBe('1.5');
    expect(formatDecimal(fixed(2))).toBe('2');
    expect(formatDecimal(fixed('-0.25'))).toBe('-0.25');
    expect(formatDecimal(fixed('89.995'), { decimals: 2 })).toBe('90.00');
    expect(formatDecimal(fixed('7.5'), { decimals: 2, separator: ',' })).toBe('7,50');
    expect(formatDecimal(fixed('7.5'), { decimals: 0 })).toBe('8');
  });
});

describe('rounding is half-up', () => {
  it('rounds the half away from zero at any number of decimals', () => {
    expect(roundFixed(fixed('2.345'), 2)).toBe(fixed('2.35'));
    expect(roundFixed(fixed('2.344999'), 2)).toBe(fixed('2.34'));
    expect(roundFixed(fixed('0.5'), 0)).toBe(fixed(1));
    expect(roundFixed(fixed('1.5'), 0)).toBe(fixed(2));
    expect(roundFixed(fixed('2.5'), 0)).toBe(fixed(3));
    expect(roundFixed(fixed('-2.5'), 0)).toBe(fixed(-3));
    expect(roundFixed(fixed('1.23456'), 6)).toBe(fixed('1.23456'));
  });

  it('mulDivRound rounds a × b / c half-up, exactly, also beyond the safe range', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(1, 1, 3)).toBe(0);
    expect(mulDivRound(2, 1, 3)).toBe(1);
    expect(mulDivRound(6_000_000, 7, 12)).toBe(3_500_000);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    // The product is beyond 2^53, so only the BigInt path gets the last digit right.
    expect(mulDivRound(2 ** 52 + 1, 6, 4)).toBe(6_755_399_441_055_746);
    expect(mulDivRound(3_000_000_000, 3_000_000_001, 3_000_000_000)).toBe(3_000_000_001);
  });
});

describe('compareFractions', () => {
  it('compares exactly, even where floats would call them equal', () => {
    expect(compareFractions(19_999, 20_000, 1, 1)).toBe(-1);
    expect(compareFractions(1, 3, 2, 6)).toBe(0);
    const big = 2 ** 40;
    expect(compareFractions(big + 1, big, big, big - 1)).toBe(-1);
  });
});

it('keeps the brand: a Fixed is a plain number at run time', () => {
  const f: Fixed = fixed('1.5');
  expect(typeof f).toBe('number');
});

describe('integer arithmetic agrees with BigInt', () => {
  const reference = (a: bigint, b: bigint, c: bigint) => {
    const n = a * b;
    const q = n / c;
    return Number((n % c) * 2n >= c ? q + 1n : q);
  };

  it('mulDivRound, around the 2^51 switch to exact division too', () => {
    const big = fc.oneof(
      fc.integer({ min: 0, max: 2 ** 26 }),
      fc.constantFrom(2 ** 25, 2 ** 26 - 1, 2 ** 26, 2 ** 26 + 1),
    );
    fc.assert(
      fc.property(big, big, fc.integer({ min: 1, max: 2 ** 30 }), (a, b, c) => {
        expect(mulDivRound(a, b, c)).toBe(reference(BigInt(a), BigInt(b), BigInt(c)));
      }),
      { numRuns: 2000 },
    );
    // Quotients a hair below one half, where a float quotient could round up.
    for (const c of [3, 7, 2 ** 20 + 1, 2 ** 26 - 3]) {
      const a = 2 ** 51 / 2 ** 20 - 1;
      const b = 2 ** 20;
      expect(mulDivRound(a, b, c)).toBe(reference(BigInt(a), BigInt(b), BigInt(c)));
    }
  });

  it('compareFractions', () => {
    const n = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    const d = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(n, d, n, d, (an, ad, bn, bd) => {
        const big = BigInt(an) * BigInt(bd) - BigInt(bn) * BigInt(ad);
        expect(compareFractions(an, ad, bn, bd)).toBe(big === 0n ? 0 : big > 0n ? 1 : -1);
      }),
      { numRuns: 1000 },
    );
  });
});
