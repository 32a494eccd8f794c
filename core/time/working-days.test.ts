import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from './calendar';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

describe('working days', () => {
  it('skips Saturday and Sunday', () => {
    // Thursday 07/01/2021 + 2 working days is Monday 11/01/2021.
    expect(addWorkingDays('2021-01-07', 2)).toBe('2021-01-11');
    expect(addWorkingDays('2021-01-08', 1)).toBe('2021-01-11');
    expect(addWorkingDays('2021-01-09', 1)).toBe('2021-01-11');
    expect(addWorkingDays('2021-01-11', -1)).toBe('2021-01-08');
    expect(addWorkingDays('2021-01-09', 0)).toBe('2021-01-09');
  });

  it('skips the holidays it is given', () => {
    const holidays = new Set(['2021-04-30', '2021-05-03']);
    expect(addWorkingDays('2021-04-29', 1, holidays)).toBe('2021-05-04');
    expect(isWorkingDay('2021-04-30', holidays)).toBe(false);
    expect(isWorkingDay('2021-04-30')).toBe(true);
  });

  it('lands on a working day exactly n working days away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 20000 }), fc.integer({ min: -15, max: 15 }), (day, n) => {
        const start = fromDayNumber(day);
        const end = addWorkingDays(start, n);
        if (n !== 0) expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(start, end)).toBe(n);
      }),
    );
  });
});
