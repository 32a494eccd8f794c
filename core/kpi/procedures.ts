import type { CalendarDate, Period } from '../time';
import { type KpiEvaluation, rateOf } from './evaluation';
import type { Procedure } from './records';

/** Both bounds are days in force, so one ending on `to` still counts at `to`. */
export function isInForceAt(p: Procedure, date: CalendarDate): boolean {
  return (p.inForceFrom === null || p.inForceFrom <= date) && (p.inForceTo === null || date <= p.inForceTo);
}

export function proceduresPublishedRate(
  procedures: readonly Procedure[],
  period: Period,
): KpiEvaluation<Procedure> {
  const inForce = procedures.filter((p) => isInForceAt(p, period.to));
  return rateOf(
    inForce.filter((p) => p.publishedAtOneStop && p.publishedOnWebsite),
    inForce,
  );
}
