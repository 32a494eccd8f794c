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
