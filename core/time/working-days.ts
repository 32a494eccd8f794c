import { addDays, type CalendarDate, weekdayOf } from './calendar';

// Public offices work Monday to Friday. Public holidays (Tết, 30/4, 2/9, …) move every
// year and by decision, so they are passed in as data rather than built in.

export function isWorkingDay(date: CalendarDate, holidays: ReadonlySet<CalendarDate> = new Set()): boolean {
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * The n-th working day after `date` (before it when n < 0); `date` itself when n = 0.
 * "Due in the next two working days" is `due <= addWorkingDays(today, 2)`.
 */
export function addWorkingDays(
  date: CalendarDate,
  n: number,
  holidays: ReadonlySet<CalendarDate> = new Set(),
): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(n); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current, holidays)) left -= 1;
  }
  return current;
}

/**
 * The inverse of `addWorkingDays`: working days in (from, to] when `to` is later, minus
 * those in [to, from) when it is earlier.
 */
export function workingDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  holidays: ReadonlySet<CalendarDate> = new Set(),
): number {
  const later = from <= to;
  const [first, last] = later ? [addDays(from, 1), to] : [to, addDays(from, -1)];
  let count = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (isWorkingDay(d, holidays)) count += 1;
  }
  return later ? count : 0 - count; // not -count: -0 would leak out
}
