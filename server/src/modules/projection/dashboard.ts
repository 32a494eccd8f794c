import { and, arrayOverlaps, desc, eq, inArray } from 'drizzle-orm';
import { foldText } from '#core/text';
import { ancestorPaths } from '#core/units';
import type { AppContext } from '../../context';
import type { AuthUser } from '../auth/principal';
import { frameworks } from '../frameworks/schema';
import { applicableFramework } from '../frameworks/service';
import { plans, planTasks } from '../plans/schema';
import { type DueSoon, dueSoonDossiers } from '../registers/due-soon';
import { units } from '../units/schema';
import { requireUnitInScope } from '../units/service';
import { type LastYearResult, lastYearResults } from './previous';
import { currentYear, unitPathToTarget, unitProjection } from './service';

// The unit's dashboard in one answer: the years it can be projected for, the band its
// plan aims at, the projection, the path to that band, last year's final result, the
// plan's tasks behind the criteria at risk, and the dossiers about to be late.

/** Years with a published framework for the unit's level, from a unit above it; newest first. */
async function frameworkYears(ctx: AppContext, unit: { path: string; level: string }): Promise<number[]> {
  const above = ancestorPaths(unit.path);
  if (above.length === 0) return [];
  const rows = await ctx.db
    .selectDistinct({ year: frameworks.year })
    .from(frameworks)
    .innerJoin(units, eq(units.id, frameworks.ownerUnitId))
    .where(
      and(
        inArray(units.path, above),
        eq(frameworks.status, 'published'),
        eq(frameworks.level, unit.level as 'commune'),
      ),
    )
    .orderBy(desc(frameworks.year));
  return rows.map((r) => r.year);
}

export interface TargetBand {
  band: string;
  /** `plan`: the plan of the year names it ("phấn đấu … loại tốt"); `default`: Tốt (or the top band). */
  source: 'plan' | 'default';
  /** The sentence of the plan that names it. */
  quote: string | null;
}

/**
 * The band the unit's plan aims at: a band of the framework named after "loại" in the
 * plan's purposes, requirements or targets ("… đạt chỉ tiêu xếp hạng loại tốt"). Without
 * one, Tốt — the band the seed aims for — or the framework's top band if it has no Tốt.
 */
/** The sentence of `text` in which the folded pattern matches (the whole text if none). */
function sentenceWith(text: string, pattern: RegExp): string {
  const sentences = text.match(/[^.;!?]+[.;!?]?/g) ?? [text];
  return sentences.find((s) => pattern.test(foldText(s)))?.trim() ?? text;
}

export function planTargetBand(texts: readonly string[], bands: readonly string[]): TargetBand {
  const byLength = [...bands].sort((a, b) => b.length - a.length);
  for (const text of texts) {
    const folded = foldText(text);
    for (const band of byLength) {
      const pattern = new RegExp(`\\bloai\\s+${foldText(band).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
      if (pattern.test(folded)) return { band, source: 'plan', quote: sentenceWith(text, pattern) };
    }
  }
  const good = bands.find((b) => foldText(b) === 'tot') ?? bands[0] ?? 'Tốt';
  return { band: good, source: 'default', quote: null };
}

export async function unitDashboard(ctx: AppContext, user: AuthUser, unitId: number, requested?: number) {
  const unit = await requireUnitInScope(ctx, user, unitId);
  const years = await frameworkYears(ctx, unit);
  const year = requested ?? years[0] ?? currentYear(ctx);
  const dueSoon: DueSoon = await dueSoonDossiers(ctx, user, unit.id);
  if (!years.includes(year)) {
    return {
      unit: { id: unit.id, name: unit.name, level: unit.level },
      years,
      year,
      projection: null,
      bands: [],
      target: null,
      path: null,
      planId: null,
      lastYear: null,
      tasks: {},
      dueSoon,
    };
  }
  const projection = await unitProjection(ctx, user, unit.id, year);
  const [plan] = await ctx.db
    .select({ id: plans.id, purposes: plans.purposes, requirements: plans.requirements, areas: plans.areas })
    .from(plans)
    .where(and(eq(plans.unitId, unit.id), eq(plans.year, year)))
    .limit(1);
  const bandRows = (await applicableFramework(ctx, unit, year))?.definition.bands ?? [];
  const bands = bandRows.map((b) => b.name);
  const texts = plan
    ? [...plan.purposes, ...plan.requirements, ...plan.areas.flatMap((a) => [...a.targets, ...a.contents])]
    : [];
  const target = planTargetBand(texts, bands);
  const path = await unitPathToTarget(ctx, user, unit.id, year, { band: target.band });
  const last: LastYearResult | null = (await lastYearResults(ctx, [unit.id], year - 1)).get(unit.id) ?? null;

  // The plan's tasks that answer the criteria at risk or not yet scored.
  const open = [...projection.atRisk, ...projection.unscored];
  const tasks: Record<string, { id: number; title: string; status: string; dueAt: string }[]> = {};
  if (plan && open.length > 0) {
    const rows = await ctx.db
      .select({
        id: planTasks.id,
        title: planTasks.title,
        status: planTasks.status,
        dueAt: planTasks.dueAt,
        criteriaCodes: planTasks.criteriaCodes,
      })
      .from(planTasks)
      .where(and(eq(planTasks.planId, plan.id), arrayOverlaps(planTasks.criteriaCodes, open)))
      .orderBy(planTasks.dueAt);
    for (const row of rows) {
      for (const code of row.criteriaCodes) {
        if (!open.includes(code)) continue;
        const list = tasks[code] ?? [];
        list.push({ id: row.id, title: row.title, status: row.status, dueAt: row.dueAt.toISOString() });
        tasks[code] = list;
      }
    }
  }
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level },
    years,
    year,
    projection,
    bands: bandRows.map((b) => ({ name: b.name, min: b.min })),
    target,
    path,
    planId: plan?.id ?? null,
    lastYear: last,
    tasks,
    dueSoon,
  };
}
