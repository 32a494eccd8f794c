import {
  isPastDueDay,
  metDeadline,
  type Period,
  periodDayNumbers,
  toDayNumber,
  type VnMoment,
  vnDayNumber,
} from '../time';

// SPEC §5's "handled in the period" and "on time", for any register with a received
// date, a due date and the date it was finished (dossiers, feedback).

export type Timeliness = 'onTime' | 'late';

export interface TrackedItem {
  readonly received: VnMoment;
  readonly due: VnMoment;
  /** Null while open. */
  readonly finished: VnMoment | null;
}

/**
 * As things stood at the end of the period's last day: finished by then → judged by its
 * finish; still open (or finished only later) → late only once `to` is after the due
 * day, so leaving a late item open never helps.
 */
export function timelinessAtEnd(done: VnMoment | null, due: VnMoment, period: Period): Timeliness {
  if (done !== null && vnDayNumber(done.at) <= toDayNumber(period.to)) {
    return metDeadline(done, due) ? 'onTime' : 'late';
  }
  return isPastDueDay(due, period.to) ? 'late' : 'onTime';
}

/** Received on or before `to` and not finished before `from`. */
export function isHandledIn(item: TrackedItem, period: Period): boolean {
  const { first, last } = periodDayNumbers(period);
  if (vnDayNumber(item.received.at) > last) return false;
  return item.finished === null || vnDayNumber(item.finished.at) >= first;
}

/** null when the item is not handled in the period. */
export function handledTimeliness(item: TrackedItem, period: Period): Timeliness | null {
  return isHandledIn(item, period) ? timelinessAtEnd(item.finished, item.due, period) : null;
}
