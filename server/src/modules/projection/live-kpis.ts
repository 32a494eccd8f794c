import type { CountResult, RateResult } from '#core/kpi/index';
import type { Period } from '#core/time/index';
import type { AppContext } from '../../context';
import { kpisForUnits } from '../kpis/service';
import { taskKpisForUnits } from '../plans/kpis';

/** key → the KPI's exact value, or null when it has no data (the criterion is scored by hand). */
export type LiveKpis = Record<string, RateResult | CountResult | null>;

/**
 * Every KPI the registers and the plan's tasks feed, for many units over one period:
 * one query per register (and one for tasks) for all the units, never one per unit.
 */
export async function liveKpisForUnits(
  ctx: AppContext,
  unitIds: readonly number[],
  period: Period,
): Promise<Map<number, LiveKpis>> {
  // One query after another: `ctx.db` may be a transaction, whose one connection takes one
  // query at a time (the self-assessment's pre-fill reads these inside its transaction).
  const registers = await kpisForUnits(ctx, unitIds, period);
  const tasks = await taskKpisForUnits(ctx, unitIds, period);
  const out = new Map<number, LiveKpis>();
  for (const unitId of unitIds) {
    const kpis: LiveKpis = {};
    const reading = registers.get(unitId);
    if (reading) {
      const noData = new Set<string>(reading.noData);
      for (const [key, result] of Object.entries(reading.results))
        kpis[key] = noData.has(key) ? null : result;
    }
    for (const [key, result] of Object.entries(tasks.get(unitId) ?? {})) {
      kpis[key] = result.denominator === 0 ? null : result;
    }
    out.set(unitId, kpis);
  }
  return out;
}
