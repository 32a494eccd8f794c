import fc from 'fast-check';
import {
  calendarDate,
  dateMoment,
  daysInMonth,
  fromDayNumber,
  localMoment,
  monthPeriod,
  type Period,
  periodDayNumbers,
  type VnMoment,
  vnDayNumber,
  vnTimeOf,
  yearPeriod,
} from '../../time';

const LAST_MINUTE = 24 * 60 - 1;

/** A moment on a day number, at a minute of the day or without a time. */
export function momentOn(day: number, minute: number | null): VnMoment {
  const date = fromDayNumber(day);
  return minute === null
    ? dateMoment(date)
    : localMoment(date, { hour: Math.floor(minute / 60), minute: minute % 60 });
}

export function minuteOf(moment: VnMoment): number {
  const { hour, minute } = vnTimeOf(moment.at);
  return hour * 60 + minute;
}

// Office hours most of the time, so that same-day collisions (the interesting cases)
// are frequent; any minute sometimes, midnight boundaries included.
export const minuteArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 7 * 60, max: 17 * 60 + 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: LAST_MINUTE }) },
);

export const optionalMinuteArb: fc.Arbitrary<number | null> = fc.option(minuteArb, { nil: null, freq: 3 });

export function dayArb(first: number, last: number): fc.Arbitrary<number> {
  return fc.integer({ min: first, max: Math.max(first, last) });
}

export function momentArb(first: number, last: number): fc.Arbitrary<VnMoment> {
  return fc.tuple(dayArb(first, last), optionalMinuteArb).map(([day, minute]) => momentOn(day, minute));
}

/**
 * A moment `0..maxDays` days after `base` and never before it as the registers read dates
 * (same day with both times → not earlier), as an import would require.
 */
export function momentNotBeforeArb(base: VnMoment, minDays: number, maxDays: number): fc.Arbitrary<VnMoment> {
  const baseDay = vnDayNumber(base.at);
  return fc
    .tuple(dayArb(baseDay + minDays, baseDay + maxDays), optionalMinuteArb)
    .map(([day, minute]) => momentOn(day, minute === null ? null : minuteNotBefore(base, day, minute)));
}

/** Moves `minute` into the part of the day not before `base`, when on base's day. */
export function minuteNotBefore(base: VnMoment, day: number, minute: number): number {
  if (!base.hasTime || day !== vnDayNumber(base.at)) return minute;
  const floor = minuteOf(base);
  return floor + (minute % (LAST_MINUTE + 1 - floor));
}

const YEAR = 2021;

/** Periods of 2021: months, quarters, the year, and arbitrary spans down to one day. */
export const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((month) => monthPeriod(YEAR, month)),
  fc.integer({ min: 1, max: 4 }).map((q) => ({
    from: calendarDate(YEAR, 3 * q - 2, 1),
    to: calendarDate(YEAR, 3 * q, daysInMonth(YEAR, 3 * q)),
  })),
  fc.constant(yearPeriod(YEAR)),
  fc
    .tuple(dayArb(...bounds(yearPeriod(YEAR))), dayArb(...bounds(yearPeriod(YEAR))))
    .map(([a, b]) => ({ from: fromDayNumber(Math.min(a, b)), to: fromDayNumber(Math.max(a, b)) })),
);

export function bounds(period: Period): [number, number] {
  const { first, last } = periodDayNumbers(period);
  return [first, last];
}
