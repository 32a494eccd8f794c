import {
  compileFramework,
  type Fixed,
  formatDecimal,
  parseDecimal,
  parseFrameworkJson,
} from '#core/framework/index';
import {
  manualEntries,
  type PathToTarget,
  pathToTarget,
  projectionToJson,
  projectUnit,
} from '#core/projection/index';
import { vnDateOf, yearPeriod } from '#core/time/index';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { selfAssessmentEntries } from '../assessments/results';
import type { AuthUser } from '../auth/principal';
import { applicableFramework } from '../frameworks/service';
import { requireUnitInScope } from '../units/service';
import { liveKpisForUnits } from './live-kpis';

/** This year in Vietnam: the default year of a projection. */
export function currentYear(ctx: AppContext): number {
  return Number(vnDateOf(ctx.now().toISOString()).slice(0, 4));
}

async function compiledFor(
  ctx: AppContext,
  unit: { path: string; level: 'province' | 'district' | 'commune' },
  year: number,
) {
  const framework = await applicableFramework(ctx, unit, year);
  if (!framework) throw new AppError(404, 'projection.noFramework', { year });
  const parsed = parseFrameworkJson(framework.definition);
  const compiled = parsed.ok ? compileFramework(parsed.value) : parsed;
  if (!compiled.ok) throw new Error(`published framework ${framework.id} does not compile`);
  return { framework, compiled: compiled.value };
}

/**
 * The index a unit is heading for in a year: its framework scored on the live KPIs of
 * its registers and tasks, computed on request (no stale copy).
 */
async function project(ctx: AppContext, user: AuthUser, unitId: number, year: number) {
  const unit = await requireUnitInScope(ctx, user, unitId);
  const { framework, compiled } = await compiledFor(ctx, unit, year);
  const [live, draft] = await Promise.all([
    liveKpisForUnits(ctx, [unit.id], yearPeriod(year)),
    selfAssessmentEntries(ctx, unit.id, year),
  ]);
  const kpis = live.get(unit.id) ?? {};
  return {
    unit,
    framework,
    projection: projectUnit(compiled, { kpis, entries: manualEntries(compiled, draft) }),
  };
}

export async function unitProjection(ctx: AppContext, user: AuthUser, unitId: number, year: number) {
  const { unit, framework, projection } = await project(ctx, user, unitId, year);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    framework: { id: framework.id, name: framework.name },
    ...projectionToJson(projection),
  };
}

export async function unitPathToTarget(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  year: number,
  target: { band: string } | { index: string },
) {
  const { projection } = await project(ctx, user, unitId, year);
  let goal: { band: string } | { index: Fixed };
  if ('band' in target) {
    if (!projection.compiled.framework.bands.some((b) => b.name === target.band)) {
      throw new AppError(400, 'projection.unknownBand', { band: target.band });
    }
    goal = target;
  } else {
    const index = parseDecimal(target.index);
    if (index === null) throw new AppError(400, 'projection.badIndex', { index: target.index });
    goal = { index };
  }
  // Criteria not scored yet are part of the way: a unit reaches a band by scoring them too.
  return pathToJson(pathToTarget(projection, goal, undefined, { includeUnscored: true }));
}

const dec = (value: Fixed) => formatDecimal(value);
const score = (s: PathToTarget['from']) => ({ total: dec(s.total), index: dec(s.index), band: s.band });

function pathToJson(path: PathToTarget) {
  return {
    target: { band: path.target.band, index: dec(path.target.index) },
    reached: path.reached,
    alreadyReached: path.alreadyReached,
    exact: path.exact,
    effort: dec(path.effort),
    from: score(path.from),
    to: score(path.to),
    shortBy: path.shortBy === null ? null : dec(path.shortBy),
    message: path.message,
    steps: path.steps.map((step) => ({
      code: step.code,
      name: step.name,
      kpi: step.kpi,
      status: step.status,
      from: dec(step.from),
      to: dec(step.to),
      gain: dec(step.gain),
      records: step.records,
      full: step.full,
      message: step.message,
    })),
  };
}
