import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber } from './calendar';
import { formatVnDate, formatVnMoment } from './format';
import { dateMoment, localMoment, vnDateOf, vnTimeOf } from './moment';
import { parseVnDate, parseVnMoment } from './parse';

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('parseVnMoment', () => {
  it('reads dd/mm/yyyy HH:mm as Vietnam time', () => {
    expect(ok(parseVnMoment('04/01/2021 10:20'))).toEqual({
      at: '2021-0104T03:20:00.000Z'.replace('01', '01-'),
      hasTime: true,
    });
  });

  it('reads a date without a time as that day, flagged as having no time', () => {
    const m = ok(parseVnMoment('31/12/2020'));
    expect(m.hasTime).toBe(false);
    expect(m.at).toBe('2020-12-30T17:00:00.000Z');
    expect(vnDateOf(m.at)).toBe('2020-12-31');
  });

  it('accepts single-digit day and month, seconds, and surrounding spaces', () => {
    expect(ok(parseVnMoment(' 4/1/2021 8:05:30 '))).toEqual({
      at: '2021-01-04T01:05:30.000Z',
      hasTime: true,
    });
  });

  it('accepts ISO dates, local ISO times and ISO instants', () => {
    expect(ok(parseVnMoment('2021-01-04'))).toEqual(dateMoment('2021-01-04'));
    expect(ok(parseVnMoment('2021-01-04T10:20'))).toEqual(
      localMoment('2021-01-04', { hour: 10, minute: 20 }),
    );
    expect(ok(parseVnMoment('2021-01-04T03:20:00.000Z'))).toEqual({
      at: '2021-01-04T03:20:00.000Z',
      hasTime: true,
    });
    expect(ok(parseVnMoment('2021-01-04T10:20:00+07:00')).at).toBe('2021-01-04T03:20:00.000Z');
  });

  it('rejects 31/02/2021 with the reason', () => {
    const r = parseVnMoment('31/02/2021');
    expect(r).toMatchObject({ ok: false, code: 'day' });
    if (!r.ok) expect(r.message).toBe('Ngày 31/02/2021 không tồn tại (tháng 2/2021 có 28 ngày)');
  });

  it('rejects 29/02 outside leap years only', () => {
    expect(parseVnMoment('29/02/2021')).toMatchObject({ ok: false, code: 'day' });
    expect(parseVnMoment('29/02/2024').ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['04-01-2021', 'format'],
    ['2021/01/04', 'format'],
    ['04/01/21', 'format'],
    ['hôm nay', 'format'],
    ['04/13/2021', 'month'],
    ['00/01/2021', 'day'],
    ['04/01/0021', 'year'],
    ['04/01/2021 24:00', 'time'],
    ['04/01/2021 10:60', 'time'],
  ])('rejects %j as %s', (text, code) => {
    expect(parseVnMoment(text)).toMatchObject({ ok: false, code });
  });
});

describe('parseVnDate', () => {
  it('reads both formats and refuses a time', () => {
    expect(ok(parseVnDate('05/01/2021'))).toBe('2021-01-05');
    expect(ok(parseVnDate('2021-01-05'))).toBe('2021-01-05');
    expect(parseVnDate('05/01/2021 08:00')).toMatchObject({ ok: false, code: 'format' });
    expect(parseVnDate('30/04/2021').ok).toBe(true);
    expect(parseVnDate('31/04/2021')).toMatchObject({ ok: false, code: 'day' });
  });
});

describe('formatting', () => {
  it('writes dd/mm/yyyy and adds HH:mm only when there is a time', () => {
    expect(formatVnDate('2021-01-31')).toBe('31/01/2021');
    expect(formatVnMoment(dateMoment('2021-01-08'))).toBe('08/01/2021');
    expect(formatVnMoment(localMoment('2021-01-08', { hour: 17, minute: 5 }))).toBe('08/01/2021 17:05');
  });

  it('round-trips every moment through its text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -25567, max: 47482 }),
        fc.option(fc.integer({ min: 0, max: 1439 }), { nil: null }),
        (day, minuteOfDay) => {
          const date = fromDayNumber(day);
          const moment =
            minuteOfDay === null
              ? dateMoment(date)
              : localMoment(date, { hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 });
          expect(ok(parseVnMoment(formatVnMoment(moment)))).toEqual(moment);
          expect(vnDateOf(moment.at)).toBe(date);
          if (minuteOfDay !== null) expect(vnTimeOf(moment.at).minute).toBe(minuteOfDay % 60);
        },
      ),
    );
  });
});
