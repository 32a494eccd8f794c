import { describe, expect, it } from 'vitest';
import { fixed } from './fixed';
import { parseRate, rateFromPercent, rateOf, ratePercent, reachesPercent } from './rate';

describe('rates are exact fractions', () => {
  it('19,999 / 20,000 does not reach 100 %, though it shows as 100.00', () => {
    const rate = rateOf(19_999, 20_000);
    expect(rate).not.toBeNull();
    if (!rate) return;
    expect(reachesPercent(rate, fixed(100))).toBe(false);
    expect(reachesPercent(rate, fixed('99.995'))).toBe(true);
    expect(ratePercent(rate)).toBe(fixed(100));
  });

  it('a 0 denominator is no data, not 0 % and not 100 %', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(() => rateOf(-1, 3)).toThrow(RangeError);
    expect(() => rateOf(1.5, 3)).toThrow(RangeError);
  });

  it('shows a rate rounded half-up to 2 decimals', () => {
    expect(ratePercent({ numerator: 7, denominator: 12 })).toBe(fixed('58.33'));
    expect(ratePercent({ numerator: 3, denominator: 11 })).toBe(fixed('27.27'));
    expect(ratePercent({ numerator: 1, denominator: 8 })).toBe(fixed('12.5'));
    expect(ratePercent({ numerator: 1, denominator: 8 }, 1)).toBe(fixed('12.5'));
    expect(ratePercent({ numerator: 1, denominator: 16 }, 2)).toBe(fixed('6.25'));
    expect(ratePercent({ numerator: 1, denominator: 16 }, 1)).toBe(fixed('6.3'));
  });

  it('a percent becomes a reduced fraction', () => {
    expect(rateFromPercent(fixed('85.5'))).toEqual({ numerator: 171, denominator: 200 });
    expect(rateFromPercent(fixed(100))).toEqual({ numerator: 1, denominator: 1 });
  });
});

describe('parseRate', () => {
  it('reads percents and exact n/d fractions', () => {
    expect(parseRate('85')).toEqual({ ok: true, value: { numerator: 17, denominator: 20 } });
    expect(parseRate('85,5 %')).toEqual({ ok: true, value: { numerator: 171, denominator: 200 } });
    expect(parseRate('7/12')).toEqual({ ok: true, value: { numerator: 7, denominator: 12 } });
    expect(parseRate('0/0')).toEqual({ ok: true, value: null });
  });

  it('refuses the rest with a Vietnamese reason', () => {
    for (const text of ['abc', '-5', '1/', '/2', '1.5/2', '3/-1']) {
      const parsed = parseRate(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/không phải là một tỷ lệ/);
    }
  });
});
