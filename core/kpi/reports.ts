import { isInstantInPeriod, type Period } from '../time';
import { type KpiEvaluation, rateOf } from './evaluation';
import type { Report } from './records';
import { type Timeliness, timelinessAtEnd } from './timeliness';

/**
 * A report's standing at the end of the period, which stands in for "now": one not sent
 * by then is late once `to` is after its due day (as an open dossier is).
 */
export function reportTimeliness(r: Report, period: Period): Timeliness {
  const sent = r.sentAt === null ? null : { at: r.sentAt, hasTime: r.sentHasTime };
  return timelinessAtEnd(sent, { at: r.dueAt, hasTime: r.dueHasTime }, period);
}

export function reportsOnTimeRate(reports: readonly Report[], period: Period): KpiEvaluation<Report> {
  const due = reports.filter((r) => isInstantInPeriod(r.dueAt, period));
  return rateOf(
    due.filter((r) => reportTimeliness(r, period) === 'onTime'),
    due,
  );
}
