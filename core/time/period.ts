import {
  addDays,
  type CalendarDate,
  calendarDate,
  dayNumberOf,
  daysInMonth,
  toDayNumber,
  ymdOf,
} from './calendar';
import { type Instant, vnDayNumber } from './moment';
import { type DateErrorCode, type Parsed, parseVnDate } from './parse';

/** Calendar days in Vietnam time, both included (SPEC §5). */
export interface Period {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export type PeriodErrorCode = DateErrorCode | 'order';

export function parsePeriod(from: string, to: string): Parsed<Period, PeriodErrorCode> {
  const f = parseVnDate(from);
  if (!f.ok) return f;
  const t = parseVnDate(to);
  if (!t.ok) return t;
  if (f.value > t.value) {
    return { ok: false, code: 'order', message: 'Ngày bắt đầu của kỳ phải không sau ngày kết thúc' };
  }
  return { ok: true, value: { from: f.value, to: t.value } };
}

export function monthPeriod(year: number, month: number): Period {
  return { from: calendarDate(year, month, 1), to: calendarDate(year, month, daysInMonth(year, month)) };
}

export function yearPeriod(year: number): Period {
  return { from: calendarDate(year, 1, 1), to: calendarDate(year, 12, 31) };
}

/** First and last day numbers, for comparing many records against one period. */
export function periodDayNumbers(period: Period): { readonly first: number; readonly last: number } {
  return { first: toDayNumber(period.from), last: toDayNumber(period.to) };
}

export function isDateInPeriod(date: CalendarDate, period: Period): boolean {
  return period.from <= date && date <= period.to;
}

/** Whether the instant falls on a Vietnam-local day of the period. */
export function isInstantInPeriod(at: Instant, period: Period): boolean {
  const { first, last } = periodDayNumbers(period);
  const day = vnDayNumber(at);
  return first <= day && day <= last;
}

export function isMonthWithin(year: number, month: number, period: Period): boolean {
  const first = dayNumberOf(year, month, 1);
  const last = first + daysInMonth(year, month) - 1;
  const bounds = periodDayNumbers(period);
  return bounds.first <= first && last <= bounds.last;
}

/** The months that lie wholly within the period, in order. */
export function monthsWithin(period: Period): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  let { year, month } = ymdOf(period.from);
  for (let start = calendarDate(year, month, 1); start <= period.to; ) {
    if (isMonthWithin(year, month, period)) months.push({ year, month });
    start = addDays(calendarDate(year, month, daysInMonth(year, month)), 1);
    ({ year, month } = ymdOf(start));
  }
  return months;
}
