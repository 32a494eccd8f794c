import { isInstantInPeriod, metDeadline, type Period } from '../time';
import { type KpiEvaluation, rateOf } from './evaluation';
import type { PlanTask, PlanTaskKind } from './records';

/** Which task kinds each plan KPI counts; one line to change if a KPI should count more. */
export const PLAN_KPI_KINDS = {
  plan_tasks_done_rate: ['plan'],
  propaganda_done_rate: ['propaganda'],
  self_inspections_done_rate: ['self_inspection'],
  it_plan_done_rate: ['it_plan'],
  tthc_review_done_rate: ['tthc_review'],
  assigned_tasks_done_rate: ['assigned'],
} as const satisfies Record<string, readonly PlanTaskKind[]>;

export type PlanKpiKey = keyof typeof PLAN_KPI_KINDS;

/** Done by its due date; a task not done counts against the rate, as SPEC §5 words it. */
export function isTaskDoneOnTime(t: PlanTask): boolean {
  return (
    t.doneAt !== null &&
    metDeadline({ at: t.doneAt, hasTime: t.doneHasTime }, { at: t.dueAt, hasTime: t.dueHasTime })
  );
}

export function planTasksDoneRate(
  key: PlanKpiKey,
  tasks: readonly PlanTask[],
  period: Period,
): KpiEvaluation<PlanTask> {
  const kinds: readonly PlanTaskKind[] = PLAN_KPI_KINDS[key];
  const due = tasks.filter((t) => kinds.includes(t.kind) && isInstantInPeriod(t.dueAt, period));
  return rateOf(due.filter(isTaskDoneOnTime), due);
}
