import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countResult,
  formatPercent,
  meetsTarget,
  rateResult,
  recordsToReachTarget,
  roundedPercent,
} from './result';

describe('rates', () => {
  it('are null, not 0, when the denominator is 0', () => {
    expect(rateResult(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(roundedPercent(rateResult(0, 0))).toBeNull();
    expect(formatPercent(rateResult(0, 0))).toBeNull();
  });

  it('keep whole percents exact', () => {
    expect(rateResult(29, 100).value).toBe(29);
    expect(rateResult(7, 100).value).toBe(7);
  });

  it('round half up to 2 decimals for display, from the exact fraction', () => {
    expect(roundedPercent(rateResult(3, 11))).toBe(27.27);
    expect(roundedPercent(rateResult(7, 12))).toBe(58.33);
    expect(roundedPercent(rateResult(2, 3))).toBe(66.67);
    expect(roundedPercent(rateResult(1, 8))).toBe(12.5);
    // 0.125% is exactly half way: up, never to even.
    expect(roundedPercent(rateResult(1, 800))).toBe(0.13);
    expect(roundedPercent(rateResult(19_999, 20_000))).toBe(100);
  });

  it('format in Vietnamese and English', () => {
    expect(formatPercent(rateResult(3, 11))).toBe('27,27%');
    expect(formatPercent(rateResult(3, 11), 'en')).toBe('27.27%');
    expect(formatPercent(rateResult(1, 1))).toBe('100,00%');
    expect(formatPercent(rateResult(1, 800))).toBe('0,13%');
  });

  it('round as the exact fraction says, for any rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), (d, k) => {
        const n = k % (d + 1);
        const rounded = roundedPercent(rateResult(n, d)) ?? Number.NaN;
        const hundredths = Math.round(rounded * 100);
        // hundredths − ½ ≤ 10000·n/d < hundredths + ½, in integers.
        expect(2 * hundredths * d - d <= 20000 * n).toBe(true);
        expect(20000 * n < 2 * hundredths * d + d).toBe(true);
      }),
    );
  });
});

describe('targets', () => {
  it('compare the exact fraction: 19,999 of 20,000 is not 100%', () => {
    expect(meetsTarget(rateResult(19_999, 20_000), { op: 'atLeast', value: 100 })).toBe(false);
    expect(meetsTarget(rateResult(20_000, 20_000), { op: 'atLeast', value: 100 })).toBe(true);
    expect(meetsTarget(rateResult(1, 2), { op: 'atLeast', value: 50 })).toBe(true);
    expect(meetsTarget(rateResult(69_999, 100_000), { op: 'atLeast', value: 70 })).toBe(false);
    expect(meetsTarget(rateResult(1, 3), { op: 'atLeast', value: 33.33 })).toBe(true);
    expect(meetsTarget(rateResult(1, 3), { op: 'atLeast', value: 33.34 })).toBe(false);
  });

  it('leave a rate without data unjudged', () => {
    expect(meetsTarget(rateResult(0, 0), { op: 'atLeast', value: 100 })).toBeNull();
  });

  it('judge counts against at most', () => {
    expect(meetsTarget(countResult(0), { op: 'atMost', value: 0 })).toBe(true);
    expect(meetsTarget(countResult(3), { op: 'atMost', value: 0 })).toBe(false);
  });
});

describe('records to reach a target', () => {
  it('counts existing records to convert: 12 more documents signed', () => {
    // 58 of 100 signed, target 70%.
    expect(recordsToReachTarget(rateResult(58, 100), 70)).toBe(12);
    expect(recordsToReachTarget(rateResult(70, 100), 70)).toBe(0);
    expect(recordsToReachTarget(rateResult(19_999, 20_000), 100)).toBe(1);
    expect(recordsToReachTarget(rateResult(0, 0), 50)).toBeNull();
  });

  it('counts new records to add to both sides', () => {
    // 3 of 11 online, target 50%: (3 + k) / (11 + k) ≥ ½ → k = 5.
    expect(recordsToReachTarget(rateResult(3, 11), 50, 'new')).toBe(5);
    expect(recordsToReachTarget(rateResult(7, 12), 100, 'new')).toBeNull();
    expect(recordsToReachTarget(rateResult(0, 0), 50, 'new')).toBe(1);
  });

  it('gives the fewest records that reach the target, exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom<'existing' | 'new'>('existing', 'new'),
        (d, k, targetHundredths, mode) => {
          const n = k % (d + 1);
          const target = targetHundredths / 100;
          const more = recordsToReachTarget(rateResult(n, d), target, mode);
          const rateAfter = (m: number) =>
            mode === 'existing' ? rateResult(n + m, d) : rateResult(n + m, d + m);
          if (more === null) {
            expect(mode === 'new' && target === 100 && n < d).toBe(true);
            return;
          }
          expect(meetsTarget(rateAfter(more), { op: 'atLeast', value: target })).toBe(true);
          if (more > 0)
            expect(meetsTarget(rateAfter(more - 1), { op: 'atLeast', value: target })).toBe(false);
        },
      ),
    );
  });
});
