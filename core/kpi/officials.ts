import { type CalendarDate, isDateInPeriod, type Period } from '../time';
import { countOf, type KpiEvaluation, rateOf } from './evaluation';
import { type DisciplineDecision, disciplineSeverity, type Official } from './records';

export function isInPostAt(o: Official, date: CalendarDate): boolean {
  return (o.inPostFrom === null || o.inPostFrom <= date) && (o.inPostTo === null || date <= o.inPostTo);
}

/** "In use" needs an address too: a ticked box without one proves nothing. */
export function hasOfficialEmailInUse(o: Official): boolean {
  return o.emailInUse && (o.email ?? '').trim() !== '';
}

export function officialsWithEmailRate(
  officials: readonly Official[],
  period: Period,
): KpiEvaluation<Official> {
  const inPost = officials.filter((o) => isInPostAt(o, period.to));
  return rateOf(inPost.filter(hasOfficialEmailInUse), inPost);
}

const REPRIMAND = disciplineSeverity('khien_trach');

/**
 * Counts officials, not decisions: one official disciplined twice is one. The records
 * behind it are the decisions.
 */
export function officialsDisciplined(
  decisions: readonly DisciplineDecision[],
  period: Period,
): KpiEvaluation<DisciplineDecision> {
  const counted = decisions.filter(
    (d) => isDateInPeriod(d.date, period) && disciplineSeverity(d.form) >= REPRIMAND,
  );
  return countOf(counted, new Set(counted.map((d) => d.officialId)).size);
}
