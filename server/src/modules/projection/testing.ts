import {
  buildInputs,
  type CompiledFramework,
  compileFramework,
  isParent,
  parseFrameworkJson,
  scoreUnit,
  setInput,
  type UnitResult,
} from '#core/framework/index';
import { toKpiValue } from '#core/projection/index';
import { yearPeriod } from '#core/time/index';
import type { AppContext } from '../../context';
import { selfAssessmentEntries } from '../assessments/results';
import { applicableFramework } from '../frameworks/service';
import { findUnitsByCodes } from '../units/queries';
import { liveKpisForUnits } from './live-kpis';

/**
 * What the scoring engine alone gives a unit for a year on the inputs a projection
 * reads — its live KPIs, and its self-assessment values of the criteria scored by hand —
 * assembled here independently of the projection, for tests to compare against.
 */
export async function engineOnLiveInputs(
  ctx: AppContext,
  unitCode: string,
  year: number,
): Promise<{ unitId: number; compiled: CompiledFramework; engine: UnitResult }> {
  const [unit] = await findUnitsByCodes(ctx.db, [unitCode]);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const parsed = parseFrameworkJson((await applicableFramework(ctx, unit, year))?.definition);
  if (!parsed.ok) throw new Error('framework invalid');
  const compiled = compileFramework(parsed.value);
  if (!compiled.ok) throw new Error('framework does not compile');
  const live = (await liveKpisForUnits(ctx, [unit.id], yearPeriod(year))).get(unit.id) ?? {};
  const kpis = Object.fromEntries(
    Object.entries(live).map(([key, result]) => {
      const value = result === null ? null : toKpiValue(result);
      return [key, value === 'bad' ? null : value];
    }),
  );
  const { inputs, errors } = buildInputs(compiled.value, { kpis });
  if (errors.length) throw new Error(`KPI inputs refused: ${JSON.stringify(errors)}`);
  const manual = new Set(compiled.value.nodes.flatMap((n) => (!isParent(n) && !n.kpi ? [n.code] : [])));
  for (const [code, entry] of Object.entries(await selfAssessmentEntries(ctx, unit.id, year))) {
    if (manual.has(code)) setInput(compiled.value, inputs, code, entry);
  }
  return { unitId: unit.id, compiled: compiled.value, engine: scoreUnit(compiled.value, inputs) };
}
