import { PLAN_KPI_KINDS, type PlanKpiKey, type RateResult, rateResult } from '#core/kpi/index';
import type { Period } from '#core/time/index';
import type { AppContext } from '../../context';
import * as q from './queries';

export type TaskKpis = Record<PlanKpiKey, RateResult>;

export const PLAN_KPI_KEYS = Object.keys(PLAN_KPI_KINDS) as PlanKpiKey[];

/**
 * The plan KPIs of each unit for a period, keyed as the KPI catalogue names them, with
 * exact numerator and denominator (no data: 0 / 0, value null). Counted in SQL; the
 * test beside it proves the counts equal `planTasksDoneRate` on the same tasks. This is
 * what the scoring engine reads for a criterion whose KPI is one of these keys.
 */
export async function taskKpisForUnits(
  ctx: AppContext,
  unitIds: readonly number[],
  period: Period,
): Promise<Map<number, TaskKpis>> {
  const rows = await q.taskKpiCounts(ctx.db, [...new Set(unitIds)], period);
  const result = new Map<number, TaskKpis>();
  for (const unitId of unitIds) {
    const kpis = {} as TaskKpis;
    for (const key of PLAN_KPI_KEYS) {
      const kinds: readonly string[] = PLAN_KPI_KINDS[key];
      const mine = rows.filter((r) => r.unitId === unitId && kinds.includes(r.kind));
      kpis[key] = rateResult(
        mine.reduce((n, r) => n + r.doneOnTime, 0),
        mine.reduce((n, r) => n + r.due, 0),
      );
    }
    result.set(unitId, kpis);
  }
  return result;
}
