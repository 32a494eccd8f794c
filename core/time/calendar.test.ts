import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarDate, daysInMonth, fromDayNumber, toDayNumber, weekdayOf } from './calendar';

describe('calendar days', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2021-01-01')).toBe(18628);
    expect(fromDayNumber(18628)).toBe('2021-01-01');
  });

  it('knows leap years, including the century rules', () => {
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
  });

  it('names weekdays as Date.getDay does', () => {
    expect(weekdayOf('2021-01-01')).toBe(5); // a Friday
    expect(weekdayOf('2021-01-03')).toBe(0);
  });

  it('refuses a day that does not exist', () => {
    expect(() => calendarDate(2021, 2, 31)).toThrow(RangeError);
    expect(() => toDayNumber('2021-02-29')).toThrow(RangeError);
    expect(() => toDayNumber('31/01/2021')).toThrow(RangeError);
  });

  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 47482 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(weekdayOf(date)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });
});
