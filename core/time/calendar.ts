// Calendar days as `yyyy-mm-dd` strings and day numbers (days since 1970-01-01,
// proleptic Gregorian). The arithmetic is done by hand rather than with `Date` so that
// nothing depends on the host's time zone, in Node or in the browser.

/** A calendar day in Vietnam local time, `yyyy-mm-dd` (what a PostgreSQL `date` holds). */
export type CalendarDate = string;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isExistingDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

// Howard Hinnant's days_from_civil: eras of 400 years make leap years regular.
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function ymdOfDayNumber(dayNumber: number): YearMonthDay {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Builds a `yyyy-mm-dd`; throws on a day that does not exist (a programming error here). */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  if (!isExistingDate(year, month, day)) throw new RangeError(`No such day: ${year}-${month}-${day}`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function ymdOf(date: CalendarDate): YearMonthDay {
  const m = ISO_DATE.exec(date);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || !isExistingDate(ymd.year, ymd.month, ymd.day)) {
    throw new RangeError(`Not a calendar date (yyyy-mm-dd): ${date}`);
  }
  return ymd;
}

export function toDayNumber(date: CalendarDate): number {
  const { year, month, day } = ymdOf(date);
  return dayNumberOf(year, month, day);
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const { year, month, day } = ymdOfDayNumber(dayNumber);
  return calendarDate(year, month, day);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getDay`. */
export function weekdayOf(date: CalendarDate): number {
  // 1970-01-01 was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}
