import { describe, expect, it } from 'vitest';
import { type Fixed, fixed } from '../fixed';
import { rateFromPercent } from '../rate';
import { findMethod, METHODS } from '.';
import { type AnyMethod, SCORE_FAILURE } from './types';

function method(code: string): AnyMethod {
  const found = findMethod(code);
  if (!found) throw new Error(`no method ${code}`);
  return found;
}

function params(code: string, text: string, max: Fixed): unknown {
  const parsed = method(code).parseParams(text, max);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Scores a rate given as a percent. */
function atPercent(code: string, percent: string, max: Fixed, p: unknown = null): number {
  const rate = rateFromPercent(fixed(percent));
  return method(code).score(rate.numerator, rate.denominator, max, p);
}

describe('the registry', () => {
  it('holds each method once, findable by a code written loosely', () => {
    const codes = METHODS.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(
      expect.arrayContaining([
        'thu_cong',
        'lua_chon',
        'nguong',
        'ty_le',
        'tru_diem',
        'khao_sat',
        'diem_thuong',
        'diem_tru',
      ]),
    );
    expect(findMethod(' Thủ công ')?.code).toBe('thu_cong');
    expect(findMethod('TY-LE')?.code).toBe('ty_le');
    expect(findMethod('cham_diem')).toBeUndefined();
  });

  it('every method formats its parsed params back to text it reads again the same', () => {
    const cases: [string, string][] = [
      ['lua_chon', 'Kịp thời:1;Không kịp thời:0.5;Không ban hành:0'],
      ['nguong', '100:2;80:1;0:0'],
      ['tru_diem', '0.5'],
      ['thu_cong', ''],
    ];
    for (const [code, text] of cases) {
      const m = method(code);
      expect(m.formatParams(params(code, text, fixed(2)))).toBe(text);
    }
  });
});

describe('thu_cong', () => {
  const max = fixed(2);
  it('takes points from 0 to max; outside is an error, not clamped', () => {
    const m = method('thu_cong');
    expect(m.score(fixed('1.5'), 1, max, null)).toBe(fixed('1.5'));
    expect(m.score(max, 1, max, null)).toBe(max);
    expect(m.score(0, 1, max, null)).toBe(0);
    expect(m.score(fixed('2.5'), 1, max, null)).toBe(SCORE_FAILURE.aboveMax);
    expect(m.score(fixed(-1), 1, max, null)).toBe(SCORE_FAILURE.belowZero);
  });

  it('has no parameters', () => {
    expect(method('thu_cong').parseParams('1', max).ok).toBe(false);
  });
});

describe('lua_chon', () => {
  const max = fixed(1);
  const levels = params('lua_chon', 'Kịp thời:1;Không kịp thời:0,5;Không ban hành:0', max);
  const m = method('lua_chon');

  it('gives a level its points, by label (case and accents ignored) or by points', () => {
    expect(m.levelPoints?.('khong kip thoi', levels)).toBe(fixed('0.5'));
    expect(m.levelPoints?.('KỊP THỜI', levels)).toBe(fixed(1));
    expect(m.levelPoints?.('Chậm', levels)).toBeNull();
    expect(m.score(fixed('0.5'), 1, max, levels)).toBe(fixed('0.5'));
    expect(m.score(fixed('0.7'), 1, max, levels)).toBe(SCORE_FAILURE.notALevel);
  });

  it('refuses level lists that are malformed, repeat a label or exceed the max', () => {
    for (const text of ['', 'Kịp thời', 'Kịp thời:x', 'A:1;a:0', 'A:2', 'A:-1', ':1']) {
      expect(m.parseParams(text, max).ok, text).toBe(false);
    }
  });
});

describe('nguong', () => {
  const max = fixed(2);
  const thresholds = params('nguong', '100:2;80:1;0:0', max);

  it('gives the points of the first threshold reached, comparing the exact fraction', () => {
    const m = method('nguong');
    expect(atPercent('nguong', '100', max, thresholds)).toBe(fixed(2));
    expect(atPercent('nguong', '85', max, thresholds)).toBe(fixed(1));
    expect(atPercent('nguong', '80', max, thresholds)).toBe(fixed(1));
    expect(atPercent('nguong', '79.999999', max, thresholds)).toBe(0);
    expect(m.score(19_999, 20_000, max, thresholds)).toBe(fixed(1));
    expect(m.score(20_000, 20_000, max, thresholds)).toBe(fixed(2));
    expect(m.score(4, 5, max, thresholds)).toBe(fixed(1));
  });

  it('gives 0 when no threshold is reached', () => {
    const high = params('nguong', '50:2;30:1', max);
    expect(atPercent('nguong', '29', max, high)).toBe(0);
  });

  it('refuses bad threshold lists with a reason', () => {
    const m = method('nguong');
    const bad: [string, RegExp][] = [
      ['', /trống/],
      ['100-2;80:1', /không đúng dạng/],
      ['abc:2', /không đúng dạng/],
      ['120:2;0:0', /từ 0 đến 100/],
      ['80:1;100:2', /giảm dần/],
      ['100:3;0:0', /điểm tối đa/],
      ['100:1;50:2', /điểm cao hơn/],
    ];
    for (const [text, reason] of bad) {
      const parsed = m.parseParams(text, max);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.message, text).toMatch(reason);
    }
  });
});

describe('ty_le', () => {
  const max = fixed(6);
  it('gives max × rate, the rate capped at 100 %', () => {
    const m = method('ty_le');
    expect(m.score(7, 12, max, null)).toBe(fixed('3.5'));
    expect(m.score(1, 3, fixed(1), null)).toBe(333_333);
    expect(m.score(2, 3, fixed(1), null)).toBe(666_667);
    expect(m.score(13, 12, max, null)).toBe(max);
    expect(m.score(0, 12, max, null)).toBe(0);
    expect(m.score(1, 0, max, null)).toBe(SCORE_FAILURE.badInput);
  });
});

describe('tru_diem', () => {
  const max = fixed(2);
  const perCount = params('tru_diem', '0,5', max);
  it('takes points per count off the max, never below 0', () => {
    const m = method('tru_diem');
    expect(m.score(0, 1, max, perCount)).toBe(max);
    expect(m.score(1, 1, max, perCount)).toBe(fixed('1.5'));
    expect(m.score(3, 1, max, perCount)).toBe(fixed('0.5'));
    expect(m.score(4, 1, max, perCount)).toBe(0);
    expect(m.score(1_000_000_000, 1, max, perCount)).toBe(0);
    expect(m.score(Number.MAX_SAFE_INTEGER, 1, max, perCount)).toBe(0);
  });

  it('needs a positive points-per-count', () => {
    for (const text of ['', '0', '-1', 'một'])
      expect(method('tru_diem').parseParams(text, max).ok, text).toBe(false);
  });
});

describe('khao_sat', () => {
  const max = fixed(16);
  it('gives max × survey index / 100; an index above 100 is an error', () => {
    expect(atPercent('khao_sat', '82.5', max)).toBe(fixed('13.2'));
    expect(atPercent('khao_sat', '100', max)).toBe(max);
    expect(atPercent('khao_sat', '0', max)).toBe(0);
    expect(atPercent('khao_sat', '100.01', max)).toBe(SCORE_FAILURE.badInput);
  });
});

describe('bonus and deduction', () => {
  it('diem_thuong is a bonus, diem_tru a deduction, both entered within their bound', () => {
    const bonus = method('diem_thuong');
    const deduction = method('diem_tru');
    expect(bonus.role).toBe('bonus');
    expect(deduction.role).toBe('deduction');
    expect(bonus.score(fixed(1), 1, fixed(2), null)).toBe(fixed(1));
    expect(bonus.score(fixed(3), 1, fixed(2), null)).toBe(SCORE_FAILURE.aboveMax);
    expect(deduction.score(fixed(3), 1, fixed(3), null)).toBe(fixed(3));
    expect(deduction.score(fixed(-1), 1, fixed(3), null)).toBe(SCORE_FAILURE.belowZero);
  });
});
