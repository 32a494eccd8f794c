import { describe, expect, it } from 'vitest';
import { isPastDueDay, metDeadline } from './deadline';
import { formatIsoMoment } from './format';
import { compareMoments, dateMoment, localMoment } from './moment';
import { parseVnMoment } from './parse';

const at = (date: string, hour: number, minute: number) => localMoment(date, { hour, minute });

describe('compareMoments', () => {
  it('orders by instant only when both carry a time', () => {
    expect(compareMoments(at('2021-01-04', 9, 0), at('2021-01-04', 10, 0))).toBe(-1);
    expect(compareMoments(dateMoment('2021-01-04'), at('2021-01-04', 10, 0))).toBe(0);
    expect(compareMoments(at('2021-01-04', 23, 59), dateMoment('2021-01-05'))).toBe(-1);
  });

  it('uses the Vietnam day, not the UTC one', () => {
    // 00:30 in Hà Nội is still the previous day in UTC.
    expect(compareMoments(at('2021-01-05', 0, 30), dateMoment('2021-01-05'))).toBe(0);
  });
});

describe('deadlines (SPEC §5)', () => {
  it('a result at 17:05 on a due date without a time is on time', () => {
    expect(metDeadline(at('2021-01-08', 17, 5), dateMoment('2021-01-08'))).toBe(true);
  });

  it('a result at 11:05 against a due time of 10:00 the same day is late', () => {
    expect(metDeadline(at('2021-01-04', 11, 5), at('2021-01-04', 10, 0))).toBe(false);
  });

  it('a result exactly at the due time is on time', () => {
    expect(metDeadline(at('2021-01-13', 16, 30), at('2021-01-13', 16, 30))).toBe(true);
  });

  it('a result without a time on the due day is on time', () => {
    expect(metDeadline(dateMoment('2021-01-04'), at('2021-01-04', 10, 0))).toBe(true);
  });

  it('a result the day after the due day is late whatever the times', () => {
    expect(metDeadline(at('2021-01-05', 0, 0), dateMoment('2021-01-04'))).toBe(false);
  });

  it('an open item is late only once the date is after its due day', () => {
    expect(isPastDueDay(dateMoment('2021-01-29'), '2021-01-29')).toBe(false);
    expect(isPastDueDay(at('2021-01-29', 8, 0), '2021-01-29')).toBe(false);
    expect(isPastDueDay(dateMoment('2021-01-29'), '2021-01-30')).toBe(true);
  });
});

describe('formatIsoMoment', () => {
  it('writes a day alone without a time, and Vietnam time with its offset', () => {
    expect(formatIsoMoment(dateMoment('2021-01-04'))).toBe('2021-01-04');
    expect(formatIsoMoment(at('2021-01-05', 0, 30))).toBe('2021-01-05T00:30+07:00');
    expect(formatIsoMoment(localMoment('2021-01-05', { hour: 8, minute: 1, second: 9 }))).toBe(
      '2021-01-05T08:01:09+07:00',
    );
  });

  it('reads back through parseVnMoment to the same moment', () => {
    for (const m of [dateMoment('2020-02-29'), at('2021-12-31', 23, 59), at('2021-01-01', 0, 0)]) {
      expect(parseVnMoment(formatIsoMoment(m))).toEqual({ ok: true, value: m });
    }
  });
});
