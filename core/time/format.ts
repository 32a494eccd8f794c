import { type CalendarDate, ymdOf } from './calendar';
import { type VnMoment, vnDateOf, vnTimeOf } from './moment';

const two = (n: number): string => String(n).padStart(2, '0');

/** `2021-01-31` → `31/01/2021`. */
export function formatVnDate(date: CalendarDate): string {
  const { year, month, day } = ymdOf(date);
  return `${two(day)}/${two(month)}/${year}`;
}

/** `dd/mm/yyyy`, with ` HH:mm` only when the moment carries a time. */
export function formatVnMoment(moment: VnMoment): string {
  const date = formatVnDate(vnDateOf(moment.at));
  if (!moment.hasTime) return date;
  const { hour, minute } = vnTimeOf(moment.at);
  return `${date} ${two(hour)}:${two(minute)}`;
}

/**
 * The API's form of a moment, read back by `parseVnMoment`: `2021-01-04` for a day
 * without a time, `2021-01-04T08:10+07:00` (seconds only when set) for one with a time.
 */
export function formatIsoMoment(moment: VnMoment): string {
  const date = vnDateOf(moment.at);
  if (!moment.hasTime) return date;
  const { hour, minute, second = 0 } = vnTimeOf(moment.at);
  const seconds = second === 0 ? '' : `:${two(second)}`;
  return `${date}T${two(hour)}:${two(minute)}${seconds}+07:00`;
}
