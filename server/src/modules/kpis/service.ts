import {
  countResult,
  hasKpiData,
  type KpiResult,
  kpiDefinition,
  kpiRegister,
  REGISTER_KPI_KEYS,
  rateResult,
} from '#core/kpi/index';
import type { Period } from '#core/time/index';
import type { AppContext } from '../../context';
import type { AuthUser } from '../auth/principal';
import { readableUnit } from '../registers/kit/service';
import { listChildren } from '../units/queries';
import { KPI_SQL_BY_REGISTER, type KpiRegister, type RegisterKpi } from './conditions';
import * as q from './queries';

// The KPIs of SPEC §5 computed from a unit's registers over a period — for one unit, for
// the units below it side by side, and for the scoring engine.

const REGISTERS = Object.keys(KPI_SQL_BY_REGISTER) as KpiRegister[];
const isKept = (register: string): register is KpiRegister => register in KPI_SQL_BY_REGISTER;

/** The register KPIs kept here, in catalogue order. */
export const KEPT_KPIS: readonly RegisterKpi[] = REGISTER_KPI_KEYS.filter((k): k is RegisterKpi =>
  isKept(kpiRegister(k)),
);

export interface KpiReading {
  /** Every KPI kept here, with its exact numerator and denominator (a count has its value). */
  readonly results: Readonly<Record<RegisterKpi, KpiResult>>;
  /**
   * KPIs without data: a rate over no records, a count whose basis is empty (0 late
   * dossiers when none was handled). A criterion reading one is scored by hand.
   */
  readonly noData: readonly RegisterKpi[];
}

function readingOf(fractions: Partial<Record<RegisterKpi, q.Fraction>>): KpiReading {
  const results = {} as Record<RegisterKpi, KpiResult>;
  for (const key of KEPT_KPIS) {
    const f = fractions[key] ?? { numerator: 0, denominator: 0 };
    results[key] =
      kpiDefinition(key).kind === 'count' ? countResult(f.numerator) : rateResult(f.numerator, f.denominator);
  }
  return { results, noData: KEPT_KPIS.filter((k) => !hasKpiData(k, results)) };
}

/**
 * The KPIs of many units over a period, one SQL aggregate per register for all of them.
 * For the scoring engine: it checks access itself; a unit without records gets every KPI
 * with no data.
 */
export async function kpisForUnits(
  ctx: AppContext,
  unitIds: readonly number[],
  period: Period,
): Promise<Map<number, KpiReading>> {
  // In turn, not side by side: `ctx.db` may be a transaction (one connection, one query at
  // a time); only the dossiers' query takes long.
  const perRegister: Awaited<ReturnType<typeof q.registerFractions>>[] = [];
  for (const r of REGISTERS) perRegister.push(await q.registerFractions(ctx.db, r, unitIds, period));
  const out = new Map<number, KpiReading>();
  for (const unitId of unitIds) {
    const fractions = Object.assign({}, ...perRegister.map((m) => m.get(unitId) ?? {}));
    out.set(unitId, readingOf(fractions));
  }
  return out;
}

export async function unitKpis(ctx: AppContext, user: AuthUser, unitId: number, period: Period) {
  const unit = await readableUnit(ctx, user, unitId);
  const reading = (await kpisForUnits(ctx, [unit.id], period)).get(unit.id);
  if (!reading) throw new Error('no reading for the unit');
  return reading;
}

/** The KPIs of every active unit directly below `unitId`, for a table side by side. */
export async function childrenKpis(ctx: AppContext, user: AuthUser, unitId: number, period: Period) {
  const unit = await readableUnit(ctx, user, unitId);
  const children = await listChildren(ctx.db, unit.id);
  const readings = await kpisForUnits(
    ctx,
    children.map((c) => c.id),
    period,
  );
  return children.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    reading: readings.get(c.id) ?? readingOf({}),
  }));
}

/** Years the registers of the unit and the units below it span, newest first; the KPI page offers them. */
export async function dataYears(ctx: AppContext, user: AuthUser, unitId: number): Promise<number[]> {
  const unit = await readableUnit(ctx, user, unitId);
  const span = await q.yearSpan(ctx.db, unit.path);
  if (!span) return [];
  return Array.from({ length: span.last - span.first + 1 }, (_, i) => span.last - i);
}
