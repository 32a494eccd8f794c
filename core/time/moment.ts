import { type CalendarDate, dayNumberOf, fromDayNumber, toDayNumber } from './calendar';

// Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact
// for every date a register holds and no time-zone database is needed.
export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** ISO 8601 instant in UTC, e.g. `2021-01-04T03:00:00.000Z` (what `timestamptz` holds). */
export type Instant = string;

/**
 * A register's date that may carry a time. `at` is the exact instant; when `hasTime` is
 * false it is 00:00 Vietnam time of the day and only the day means anything — a due date
 * without a time lasts to the end of that day (SPEC §5).
 */
export interface VnMoment {
  readonly at: Instant;
  readonly hasTime: boolean;
}

export interface TimeOfDay {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

export function instantMs(at: Instant): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${at}`);
  return ms;
}

/** The Vietnam-local day number of an instant (see `toDayNumber`). */
export function vnDayNumber(at: Instant): number {
  return Math.floor((instantMs(at) + VN_OFFSET_MS) / DAY_MS);
}

export function vnDateOf(at: Instant): CalendarDate {
  return fromDayNumber(vnDayNumber(at));
}

export function vnTimeOf(at: Instant): TimeOfDay {
  const msOfDay = instantMs(at) + VN_OFFSET_MS - vnDayNumber(at) * DAY_MS;
  const seconds = Math.floor(msOfDay / 1000);
  return { hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60 };
}

function instantOfLocal(dayNumber: number, time: TimeOfDay): Instant {
  const msOfDay = ((time.hour * 60 + time.minute) * 60 + (time.second ?? 0)) * 1000;
  return new Date(dayNumber * DAY_MS + msOfDay - VN_OFFSET_MS).toISOString();
}

/** A day without a time. */
export function dateMoment(date: CalendarDate): VnMoment {
  return { at: instantOfLocal(toDayNumber(date), { hour: 0, minute: 0 }), hasTime: false };
}

/** A Vietnam-local day and time of day. */
export function localMoment(date: CalendarDate, time: TimeOfDay): VnMoment {
  return { at: instantOfLocal(toDayNumber(date), time), hasTime: true };
}

/** For callers holding numbers, e.g. a parser. */
export function localMomentOf(year: number, month: number, day: number, time?: TimeOfDay): VnMoment {
  const dayNumber = dayNumberOf(year, month, day);
  return time
    ? { at: instantOfLocal(dayNumber, time), hasTime: true }
    : { at: instantOfLocal(dayNumber, { hour: 0, minute: 0 }), hasTime: false };
}

/**
 * Orders two moments as the registers mean them: by instant when both carry a time,
 * otherwise by day alone (a date without a time is neither before nor after a time on
 * that day). Use it to validate "due not before received" the way the KPIs read dates.
 */
export function compareMoments(a: VnMoment, b: VnMoment): -1 | 0 | 1 {
  const dayA = vnDayNumber(a.at);
  const dayB = vnDayNumber(b.at);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  if (!a.hasTime || !b.hasTime) return 0;
  const msA = instantMs(a.at);
  const msB = instantMs(b.at);
  return msA === msB ? 0 : msA < msB ? -1 : 1;
}
