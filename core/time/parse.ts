import { type CalendarDate, calendarDate, daysInMonth, isExistingDate } from './calendar';
import { localMomentOf, type VnMoment } from './moment';

// Dates as officials type them and as one-stop systems export them. Every rejection
// carries a code (for translation and tests) and a Vietnamese message naming the value,
// because import errors are shown row by row to the person who typed it.

export type DateErrorCode = 'empty' | 'format' | 'year' | 'month' | 'day' | 'time';

export type Parsed<T, E extends string = DateErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: E; readonly message: string };

// Outside this range a year is a typo (21, 0021, 20211), not a register date.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const VN_FORMAT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_FORMAT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

interface Fields {
  year: number;
  month: number;
  day: number;
  time: { hour: number; minute: number; second: number } | null;
  offsetMinutes: number | null;
  millis: number;
}

function fail<T>(code: DateErrorCode, message: string): Parsed<T> {
  return { ok: false, code, message };
}

function offsetMinutesOf(zone: string | undefined): number | null {
  if (zone === undefined) return null;
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function fieldsOf(text: string): Fields | null {
  const vn = VN_FORMAT.exec(text);
  if (vn) {
    const [, d, m, y, hh, mm, ss] = vn;
    return {
      year: Number(y),
      month: Number(m),
      day: Number(d),
      time: hh === undefined ? null : { hour: Number(hh), minute: Number(mm), second: Number(ss ?? 0) },
      offsetMinutes: null,
      millis: 0,
    };
  }
  const iso = ISO_FORMAT.exec(text);
  if (!iso) return null;
  const [, y, m, d, hh, mm, ss, fraction, zone] = iso;
  return {
    year: Number(y),
    month: Number(m),
    day: Number(d),
    time: hh === undefined ? null : { hour: Number(hh), minute: Number(mm), second: Number(ss ?? 0) },
    offsetMinutes: offsetMinutesOf(zone),
    millis: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
  };
}

const two = (n: number): string => String(n).padStart(2, '0');

function checkFields(text: string, f: Fields): Parsed<null> {
  if (f.year < MIN_YEAR || f.year > MAX_YEAR) {
    return fail('year', `Năm ${f.year} trong “${text}” nằm ngoài khoảng ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (f.month < 1 || f.month > 12) return fail('month', `Tháng ${f.month} trong “${text}” không tồn tại`);
  if (!isExistingDate(f.year, f.month, f.day)) {
    const days = daysInMonth(f.year, f.month);
    return fail(
      'day',
      `Ngày ${two(f.day)}/${two(f.month)}/${f.year} không tồn tại (tháng ${f.month}/${f.year} có ${days} ngày)`,
    );
  }
  const t = f.time;
  if (t && (t.hour > 23 || t.minute > 59 || t.second > 59)) {
    return fail('time', `Giờ ${two(t.hour)}:${two(t.minute)} trong “${text}” không hợp lệ`);
  }
  return { ok: true, value: null };
}

const FORMAT_HINT = 'dd/mm/yyyy hoặc dd/mm/yyyy HH:mm';

/**
 * Parses `dd/mm/yyyy [HH:mm[:ss]]` or ISO `yyyy-mm-dd[THH:mm[:ss][Z|±hh:mm]]`. Local
 * times are Vietnam time; an ISO value with an offset is an exact instant (what an API
 * client sends).
 */
export function parseVnMoment(input: string): Parsed<VnMoment> {
  const text = input.trim();
  if (text === '') return fail('empty', 'Chưa nhập ngày');
  const f = fieldsOf(text);
  if (!f) return fail('format', `“${text}” không đúng dạng ${FORMAT_HINT}`);
  const checked = checkFields(text, f);
  if (!checked.ok) return checked;
  if (!f.time) return { ok: true, value: localMomentOf(f.year, f.month, f.day) };
  const local = localMomentOf(f.year, f.month, f.day, f.time);
  if (f.offsetMinutes === null && f.millis === 0) return { ok: true, value: local };
  // An explicit offset replaces Vietnam's: shift the local reading by the difference.
  const shiftMinutes = f.offsetMinutes === null ? 0 : f.offsetMinutes - 7 * 60;
  const ms = Date.parse(local.at) - shiftMinutes * 60_000 + f.millis;
  return { ok: true, value: { at: new Date(ms).toISOString(), hasTime: true } };
}

/** Parses a day without a time (`dd/mm/yyyy` or `yyyy-mm-dd`). */
export function parseVnDate(input: string): Parsed<CalendarDate> {
  const text = input.trim();
  if (text === '') return fail('empty', 'Chưa nhập ngày');
  const f = fieldsOf(text);
  if (!f) return fail('format', `“${text}” không đúng dạng dd/mm/yyyy`);
  if (f.time) return fail('format', `“${text}” chỉ được ghi ngày (dd/mm/yyyy), không kèm giờ`);
  const checked = checkFields(text, f);
  if (!checked.ok) return checked;
  return { ok: true, value: calendarDate(f.year, f.month, f.day) };
}
