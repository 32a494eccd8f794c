import type { Period } from '../time';
import { type KpiEvaluation, rateOf } from './evaluation';
import type { Feedback } from './records';
import { handledTimeliness, type Timeliness, type TrackedItem } from './timeliness';

export function trackedFeedback(f: Feedback): TrackedItem {
  return {
    received: { at: f.receivedAt, hasTime: f.receivedHasTime },
    due: { at: f.dueAt, hasTime: f.dueHasTime },
    finished: f.answeredAt === null ? null : { at: f.answeredAt, hasTime: f.answeredHasTime },
  };
}

export function feedbackTimeliness(f: Feedback, period: Period): Timeliness | null {
  return handledTimeliness(trackedFeedback(f), period);
}

/** As `dossiers_on_time_rate`, over feedback (answered at, due). */
export function feedbackOnTimeRate(feedback: readonly Feedback[], period: Period): KpiEvaluation<Feedback> {
  const all: Feedback[] = [];
  const onTime: Feedback[] = [];
  for (const f of feedback) {
    const t = feedbackTimeliness(f, period);
    if (t === null) continue;
    all.push(f);
    if (t === 'onTime') onTime.push(f);
  }
  return rateOf(onTime, all);
}
