import { type CalendarDate, toDayNumber } from './calendar';
import { compareMoments, type VnMoment, vnDayNumber } from './moment';

// The two deadline rules of SPEC §5, shared by dossiers, feedback, reports and tasks so
// that every register reads a due date the same way.

/**
 * Whether something done at `done` met the deadline `due`: an earlier day always does;
 * on the due day it does unless both carry a time and `done` is later (17:05 against a
 * due date without a time is on time; 11:05 against 10:00 is late; a result without a
 * time on the due day is on time).
 */
export function metDeadline(done: VnMoment, due: VnMoment): boolean {
  return compareMoments(done, due) <= 0;
}

/**
 * Whether, at the end of `date`, something still not done is late: only once `date` is
 * after the due day. The due time is ignored on purpose — SPEC §5 compares days here.
 */
export function isPastDueDay(due: VnMoment, date: CalendarDate): boolean {
  return toDayNumber(date) > vnDayNumber(due.at);
}
