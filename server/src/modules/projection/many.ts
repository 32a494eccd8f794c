import { and, eq, inArray, like, ne, or } from 'drizzle-orm';
import {
  buildInputs,
  type CompiledFramework,
  compileFramework,
  type Fixed,
  formatDecimal,
  lostPoints,
  type NodeInput,
  parseFrameworkJson,
  scoreUnit,
  setInput,
} from '#core/framework/index';
import { bandOf, indexOf, manualEntries, toKpiValue } from '#core/projection/index';
import { yearPeriod } from '#core/time/index';
import { ancestorPaths, SUBTREE_ROLES, type UnitLevel } from '#core/units';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import { hasRole } from '../../policy';
import { selfAssessmentEntriesOf } from '../assessments/results';
import type { AuthUser } from '../auth/principal';
import { frameworks } from '../frameworks/schema';
import { units } from '../units/schema';
import { requireUnitInScope } from '../units/service';
import { type LiveKpis, liveKpisForUnits } from './live-kpis';
import { type LastYearResult, lastYearResults } from './previous';

// The appraiser's table: the projected index of every unit below one, computed on request
// in one pass — the frameworks of the year in one query, every live KPI of every unit in
// one query per register (liveKpisForUnits), each framework compiled once. Each unit is
// scored by the engine alone, as projectUnit scores it, without the per-criterion reach
// searches and messages the table does not show (a test checks every row against the
// unit's own projection).

export interface UnitRowJson {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  frameworkId: number;
  total: string;
  maxPoints: string;
  index: string;
  band: string | null;
  complete: boolean;
  /** Points at risk, summed over the unit's criteria. */
  pointsAtRisk: string;
  atRiskCount: number;
  unscoredCount: number;
  /** Component index per area, by area code (null: not assessed). */
  areas: Record<string, string | null>;
  lastYear: LastYearResult | null;
}

export interface ManyProjectionsJson {
  unit: { id: number; name: string };
  year: number;
  frameworks: { id: number; name: string; level: UnitLevel; units: number }[];
  /** The areas of the framework most units are assessed by, in its order: the heatmap's rows. */
  areas: { code: string; name: string }[];
  units: UnitRowJson[];
  /** Units below without a published framework for the year (not in the table). */
  withoutFramework: number;
}

interface Applicable {
  id: number;
  name: string;
  level: UnitLevel;
  ownerPath: string;
  version: number;
  compiled: CompiledFramework | null;
  definition: unknown;
}

/** Published frameworks of the year owned by the unit, a unit above it or a unit below it. */
async function frameworksAround(db: Db, path: string, year: number): Promise<Applicable[]> {
  const rows = await db
    .select({
      id: frameworks.id,
      name: frameworks.name,
      level: frameworks.level,
      version: frameworks.version,
      ownerPath: units.path,
      definition: frameworks.definition,
    })
    .from(frameworks)
    .innerJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(
      and(
        eq(frameworks.year, year),
        eq(frameworks.status, 'published'),
        or(inArray(units.path, [...ancestorPaths(path), path]), like(units.path, `${path}%`)),
      ),
    );
  return rows.map((r) => ({ ...r, compiled: null }));
}

/** As applicableFramework: the nearest owner strictly above the unit, then the latest version. */
function applicableTo(unit: { path: string; level: UnitLevel }, all: readonly Applicable[]) {
  let best: Applicable | undefined;
  for (const f of all) {
    if (f.level !== unit.level || f.ownerPath === unit.path || !unit.path.startsWith(f.ownerPath)) continue;
    if (
      !best ||
      f.ownerPath.length > best.ownerPath.length ||
      (f.ownerPath.length === best.ownerPath.length && f.version > best.version)
    ) {
      best = f;
    }
  }
  return best;
}

function compiledOf(f: Applicable): CompiledFramework {
  if (f.compiled) return f.compiled;
  const parsed = parseFrameworkJson(f.definition);
  const compiled = parsed.ok ? compileFramework(parsed.value) : parsed;
  if (!compiled.ok) throw new Error(`published framework ${f.id} does not compile`);
  f.compiled = compiled.value;
  return compiled.value;
}

/** The table's numbers for one unit: the projection's total, index, band, areas and points at risk. */
function tableRow(compiled: CompiledFramework, live: LiveKpis, draft: Record<string, NodeInput>) {
  const kpis = Object.fromEntries(
    Object.entries(live).map(([key, result]) => {
      const value = result === null ? null : toKpiValue(result);
      return [key, value === 'bad' ? null : value];
    }),
  );
  const { inputs } = buildInputs(compiled, { kpis });
  for (const [code, entry] of Object.entries(manualEntries(compiled, draft)))
    setInput(compiled, inputs, code, entry);
  const engine = scoreUnit(compiled, inputs);
  const lost = lostPoints(engine);
  const decimals = compiled.framework.indexDecimals;
  const areas: Record<string, string | null> = {};
  for (const area of engine.areas) {
    const points = area.status === 'absent' ? null : (area.points ?? (0 as Fixed));
    const index =
      area.role !== 'score' || points === null
        ? null
        : (area.index ?? indexOf(points, area.maxPoints, decimals));
    areas[area.code] = index === null ? null : formatDecimal(index);
  }
  return {
    total: formatDecimal(engine.total),
    maxPoints: formatDecimal(engine.maxPoints),
    index: formatDecimal(engine.index),
    band: engine.complete ? engine.band : bandOf(compiled, engine),
    complete: engine.complete,
    pointsAtRisk: formatDecimal(lost.reduce((sum, l) => sum + l.lost, 0) as Fixed),
    atRiskCount: lost.length,
    unscoredCount: engine.nodes.filter((n) => n.leaf && n.status === 'pending').length,
    areas,
  };
}

export async function unitsBelowProjections(
  ctx: AppContext,
  user: AuthUser,
  unitId: number,
  year: number,
): Promise<ManyProjectionsJson> {
  const unit = await requireUnitInScope(ctx, user, unitId);
  // Only those who reach the units below (appraisers, admins) see them.
  if (!hasRole(user, ...SUBTREE_ROLES)) throw new AppError(403, 'auth.outOfScope');
  const [below, all] = await Promise.all([
    ctx.db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        level: units.level,
        parentId: units.parentId,
        path: units.path,
      })
      .from(units)
      .where(and(like(units.path, `${unit.path}%`), ne(units.id, unit.id), eq(units.active, true)))
      .orderBy(units.path),
    frameworksAround(ctx.db, unit.path, year),
  ]);
  const assessed = below.flatMap((u) => {
    const framework = applicableTo(u, all);
    return framework ? [{ unit: u, framework }] : [];
  });
  const ids = assessed.map((a) => a.unit.id);
  const [kpis, drafts, last] = await Promise.all([
    liveKpisForUnits(ctx, ids, yearPeriod(year)),
    selfAssessmentEntriesOf(ctx, ids, year),
    lastYearResults(ctx, ids, year - 1),
  ]);

  const used = new Map<number, number>();
  const rows: UnitRowJson[] = assessed.map(({ unit: u, framework }) => {
    used.set(framework.id, (used.get(framework.id) ?? 0) + 1);
    const p = tableRow(compiledOf(framework), kpis.get(u.id) ?? {}, drafts.get(u.id) ?? {});
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      parentId: u.parentId,
      frameworkId: framework.id,
      ...p,
      lastYear: last.get(u.id) ?? null,
    };
  });
  rows.sort((a, b) => Number(b.index) - Number(a.index) || a.name.localeCompare(b.name, 'vi'));

  const usedFrameworks = all.filter((f) => used.has(f.id));
  const main = [...usedFrameworks].sort((a, b) => (used.get(b.id) ?? 0) - (used.get(a.id) ?? 0))[0];
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    frameworks: usedFrameworks.map((f) => ({
      id: f.id,
      name: f.name,
      level: f.level,
      units: used.get(f.id) ?? 0,
    })),
    areas: main ? compiledOf(main).framework.areas.map((a) => ({ code: a.code, name: a.name })) : [],
    units: rows,
    withoutFramework: below.length - assessed.length,
  };
}
