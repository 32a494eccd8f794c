import { describe, expect, it } from 'vitest';
import { localMoment } from './moment';
import {
  isInstantInPeriod,
  isMonthWithin,
  monthPeriod,
  monthsWithin,
  parsePeriod,
  yearPeriod,
} from './period';

describe('periods', () => {
  it('parses both ends and refuses them reversed', () => {
    expect(parsePeriod('01/01/2021', '31/01/2021')).toEqual({
      ok: true,
      value: { from: '2021-01-01', to: '2021-01-31' },
    });
    expect(parsePeriod('2021-02-01', '2021-01-31')).toMatchObject({ ok: false, code: 'order' });
    expect(parsePeriod('2021-02-30', '2021-03-31')).toMatchObject({ ok: false, code: 'day' });
  });

  it('includes both days, in Vietnam time', () => {
    const january = monthPeriod(2021, 1);
    expect(january).toEqual({ from: '2021-01-01', to: '2021-01-31' });
    expect(isInstantInPeriod(localMoment('2021-01-31', { hour: 23, minute: 59 }).at, january)).toBe(true);
    expect(isInstantInPeriod(localMoment('2021-01-01', { hour: 0, minute: 0 }).at, january)).toBe(true);
    expect(isInstantInPeriod(localMoment('2021-02-01', { hour: 0, minute: 0 }).at, january)).toBe(false);
    expect(isInstantInPeriod('2020-12-31T17:00:00.000Z', january)).toBe(true);
  });

  it('lists the months wholly within a period', () => {
    expect(monthsWithin(yearPeriod(2021))).toHaveLength(12);
    expect(monthsWithin({ from: '2021-01-15', to: '2021-04-30' })).toEqual([
      { year: 2021, month: 2 },
      { year: 2021, month: 3 },
      { year: 2021, month: 4 },
    ]);
    expect(monthsWithin({ from: '2021-01-02', to: '2021-01-31' })).toEqual([]);
    expect(monthsWithin({ from: '2020-12-01', to: '2021-01-30' })).toEqual([{ year: 2020, month: 12 }]);
    expect(isMonthWithin(2021, 2, { from: '2021-02-01', to: '2021-02-28' })).toBe(true);
  });
});
