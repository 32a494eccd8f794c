import type { CalendarDate } from '../time';
import { isPastDueDay, type VnMoment } from '../time';

// A plan task as the plan and the board read it. Status and done date move together:
// a task is done exactly when it has a done date (the KPI reads the date, SPEC §5).

export const TASK_STATUSES = [
  { code: 'todo', vi: 'Chưa thực hiện', en: 'Not started' },
  { code: 'doing', vi: 'Đang thực hiện', en: 'In progress' },
  { code: 'done', vi: 'Hoàn thành', en: 'Done' },
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];
export const TASK_STATUS_CODES: readonly TaskStatus[] = TASK_STATUSES.map((s) => s.code);

export interface TaskTiming {
  readonly status: TaskStatus;
  readonly due: VnMoment;
}

/** Not done and `today` is after its due day (the due time is ignored, as for an open dossier). */
export function isTaskOverdue(task: TaskTiming, today: CalendarDate): boolean {
  return task.status !== 'done' && isPastDueDay(task.due, today);
}

export interface AreaProgress {
  /** The area's key; null for tasks not placed in an area. */
  readonly areaKey: string | null;
  readonly total: number;
  readonly done: number;
  readonly doing: number;
  readonly todo: number;
  /** Open tasks past their due day (counted in `doing` or `todo` too). */
  readonly overdue: number;
}

/**
 * Tasks counted per area, in the plan's area order, then the tasks without an area
 * (only when there are some). Areas without tasks are listed with zeros so a chart shows them.
 */
export function progressByArea(
  areaKeys: readonly string[],
  tasks: readonly (TaskTiming & { readonly areaKey: string | null })[],
  today: CalendarDate,
): AreaProgress[] {
  const empty = (areaKey: string | null) => ({ areaKey, total: 0, done: 0, doing: 0, todo: 0, overdue: 0 });
  const rows = new Map<string | null, ReturnType<typeof empty>>(areaKeys.map((k) => [k, empty(k)]));
  for (const task of tasks) {
    const key = task.areaKey !== null && rows.has(task.areaKey) ? task.areaKey : null;
    let row = rows.get(key);
    if (!row) {
      row = empty(null);
      rows.set(null, row);
    }
    row.total += 1;
    row[task.status] += 1;
    if (isTaskOverdue(task, today)) row.overdue += 1;
  }
  return [...rows.values()];
}

/** A criterion that lost points in last year's published result. */
export interface LostCriterion {
  readonly code: string;
  readonly name: string;
  readonly lostPoints: number;
}

export interface ProposedTask {
  readonly title: string;
  readonly criteriaCodes: readonly string[];
  readonly pointsAtStake: number;
}

/**
 * "Start from last year's result" (SPEC §3.9): each criterion that lost points becomes a
 * proposed task to win them back, the most points at stake first; criteria that lost
 * nothing are left out, and a criterion listed twice is proposed once with its points added.
 */
export function proposeTasksFromLostPoints(criteria: readonly LostCriterion[]): ProposedTask[] {
  const byCode = new Map<string, { name: string; lost: number; first: number }>();
  criteria.forEach((c, index) => {
    if (!(c.lostPoints > 0)) return;
    const seen = byCode.get(c.code);
    if (seen) seen.lost += c.lostPoints;
    else byCode.set(c.code, { name: c.name, lost: c.lostPoints, first: index });
  });
  return [...byCode.entries()]
    .sort(([, a], [, b]) => b.lost - a.lost || a.first - b.first)
    .map(([code, c]) => ({
      title: `Khắc phục tiêu chí ${code}: ${c.name}`,
      criteriaCodes: [code],
      // Points are given in hundredths at most; keep sums like 0.1 + 0.2 exact to show.
      pointsAtStake: Math.round(c.lost * 100) / 100,
    }));
}
