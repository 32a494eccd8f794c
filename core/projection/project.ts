// The projected index of one unit, from live KPIs and its self-assessment draft: every
// number is the engine's (scoreUnit on the same inputs); this file only reads the
// result, classifies each criterion and asks the engine's methods what would raise it.

import {
  bandFor,
  buildInputs,
  type CompiledFramework,
  type Fixed,
  isParent,
  type KpiValue,
  kpiCount,
  kpiDefinition,
  kpiRate,
  type Levels,
  type NodeInput,
  type NodeResult,
  scoreUnit,
  setInput,
  type UnitInputs,
  type UnitResult,
} from '../framework';
import { type CountResult, isRateResult, type RateResult } from '../kpi';
import { type CriterionFacts, criterionMessage } from './messages';
import { choiceLevels, indexOf, MAX_LEVELS, reachByRecords } from './reach';
import type {
  Action,
  AreaProjection,
  CriterionProjection,
  CriterionStatus,
  KpiReading,
  Level,
  ProjectedScore,
  Projection,
  ProjectionError,
  ProjectionInput,
  ReachMode,
} from './types';

/** KPIs raised by new records rather than by records already counted (SPEC §5: online dossiers). */
const NEW_RECORD_KPIS: ReadonlySet<string> = new Set(['dossiers_online_rate']);

/** Projects one unit on a compiled framework. Pure: same inputs, same projection. */
export function projectUnit(compiled: CompiledFramework, input: ProjectionInput = {}): Projection {
  const errors: ProjectionError[] = [];
  const kpis = kpiValues(input.kpis ?? {}, errors);
  const built = buildInputs(compiled, { kpis });
  const failedKpi = new Set<string>();
  for (const e of built.errors) {
    errors.push({ source: 'kpi', code: e.node, message: e.message });
    failedKpi.add(e.node);
  }
  const inputs = built.inputs;
  const entries = new Map<string, NodeInput>();
  for (const [code, entry] of Object.entries(input.entries ?? {})) {
    if (entry === null || entry === undefined) continue;
    const error = setInput(compiled, inputs, code, entry);
    if (error) errors.push({ source: 'entry', code: error.node, message: error.message });
    else entries.set(code, entry);
  }
  const engine = scoreUnit(compiled, inputs);
  for (const e of engine.errors) errors.push({ source: 'score', code: e.node, message: e.message });

  const criteria: CriterionProjection[] = [];
  engine.nodes.forEach((node, i) => {
    if (!isCriterion(compiled, engine, i)) return;
    const code = compiled.codes[i] ?? node.code;
    const kpiKey = kpiOf(compiled, i);
    const currentValue = (): NodeInput | KpiValue | null => {
      const entry = entries.get(code);
      if (entry) return entry;
      if (kpiKey === null || failedKpi.has(code)) return null;
      return kpis[kpiKey] ?? null;
    };
    const error = errors.find((e) => e.code === code)?.message ?? null;
    criteria.push(describeCriterion(compiled, engine, i, kpiKey, currentValue(), error));
  });

  const areas = areasOf(compiled, engine);
  const known: ProjectedScore = {
    total: engine.total,
    maxPoints: engine.maxPoints,
    index: engine.index,
    band: engine.complete ? engine.band : bandOf(compiled, engine, areas),
  };
  return {
    ...known,
    complete: engine.complete,
    // Re-scores the whole framework: computed only when read (an appraiser's table of
    // thousands of units does not read it).
    get bestCase() {
      const value = bestCase(compiled, inputs, criteria, engine);
      Object.defineProperty(this, 'bestCase', { value, enumerable: true });
      return value;
    },
    areas,
    criteria,
    atRisk: criteria
      .filter((c) => c.status === 'at_risk')
      .map((c, order) => ({ c, order }))
      .sort((a, b) => b.c.atRisk - a.c.atRisk || a.order - b.order)
      .map(({ c }) => c),
    unscored: criteria.filter((c) => c.assessed && (c.status === 'not_scored' || c.status === 'no_data')),
    errors,
    compiled,
    inputs,
    engine,
  };
}

function kpiValues(
  kpis: NonNullable<ProjectionInput['kpis']>,
  errors: ProjectionError[],
): Record<string, KpiValue | null> {
  const out: Record<string, KpiValue | null> = {};
  for (const [key, result] of Object.entries(kpis)) {
    out[key] = null;
    if (result === null || result === undefined) continue;
    const value = toKpiValue(result);
    if (value === 'bad') {
      errors.push({ source: 'kpi', code: null, message: `Giá trị của chỉ tiêu ${key} không hợp lệ` });
    } else out[key] = value;
  }
  return out;
}

/** core/kpi's result as the engine's value; a 0 denominator is no data (null). */
export function toKpiValue(result: RateResult | CountResult): KpiValue | null | 'bad' {
  const count = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (isRateResult(result)) {
    if (!count(result.numerator) || !count(result.denominator)) return 'bad';
    return kpiRate(result.numerator, result.denominator);
  }
  return count(result.value) ? kpiCount(result.value) : 'bad';
}

/** A leaf, or a node whose points were given; leaves of an absent optional area too. */
function isCriterion(c: CompiledFramework, engine: UnitResult, i: number): boolean {
  const status = engine.nodes[i]?.status;
  if (c.leaf[i] === 1) return status !== 'covered';
  return status === 'given' || (status === 'error' && engine.nodes[i + 1]?.status === 'covered');
}

function kpiOf(c: CompiledFramework, i: number): string | null {
  const node = c.nodes[i];
  return node && !isParent(node) && node.kpi ? node.kpi : null;
}

function readingOf(value: NodeInput | KpiValue | null): KpiReading | null {
  if (value === null) return null;
  if (value.kind === 'rate') return { kind: 'rate', ...value.rate };
  if (value.kind === 'count') return { kind: 'count', count: value.count };
  return null;
}

const pointsLevel = (p: number): Level => ({
  points: p as Fixed,
  records: null,
  input: { kind: 'points', points: p as Fixed },
});

function describeCriterion(
  c: CompiledFramework,
  engine: UnitResult,
  i: number,
  kpi: string | null,
  value: NodeInput | KpiValue | null,
  error: string | null,
): CriterionProjection {
  const node = engine.nodes[i] as NodeResult;
  const leaf = c.leaf[i] === 1;
  const method = leaf ? (c.methods[i] ?? null) : null;
  const assessed = node.status !== 'absent';
  const reading = readingOf(value);
  const max = node.maxPoints;
  const known = node.status === 'scored' || node.status === 'given';
  const isKpi = reading !== null || (kpi !== null && !(value && value.kind === 'points'));
  let status: CriterionStatus;
  if (known) {
    const full = node.role === 'deduction' ? node.points === 0 : node.role === 'bonus' || node.points === max;
    status = full ? 'earned' : 'at_risk';
  } else status = isKpi && value?.kind !== 'choice' ? 'no_data' : 'not_scored';
  const current = known ? (node.points ?? 0) : 0;
  const atRisk = (status === 'at_risk' ? (node.role === 'deduction' ? current : max - current) : 0) as Fixed;

  let kind: CriterionFacts['kind'] = 'none';
  let mode: ReachMode =
    reading?.kind === 'count' ? 'fewer' : kpi && NEW_RECORD_KPIS.has(kpi) ? 'new' : 'existing';
  let levels: Level[] = [];
  let next: Level | null = null;
  let full: Level | null = null;
  const choices = method?.code === 'lua_chon' ? (c.params[i] as Levels) : null;
  if (status === 'at_risk') {
    if (node.role === 'deduction') {
      kind = 'deduction';
      levels = [pointsLevel(0)];
    } else if (reading !== null && method?.code === 'khao_sat') {
      kind = 'survey';
      const best = method.score(1, 1, max, c.params[i]);
      if (best > current)
        levels = [
          {
            points: best as Fixed,
            records: null,
            input: { kind: 'rate', rate: { numerator: 1, denominator: 1 } },
          },
        ];
    } else if (reading !== null && method) {
      kind = 'records';
      const reach = reachByRecords({ method, params: c.params[i], maxPoints: max }, reading, mode);
      mode = reach.mode;
      next = reach.next;
      full = reach.full;
      levels = reach.levels.length > MAX_LEVELS ? (full ? [full] : []) : [...reach.levels];
    } else {
      kind = 'manual';
      levels = choices && node.status === 'scored' ? choiceLevels(choices, current) : [pointsLevel(max)];
    }
  } else if (assessed && (status === 'not_scored' || status === 'no_data') && node.role !== 'bonus') {
    // What scoring it would give at best, for the best case and the path's `includeUnscored`.
    if (node.role === 'deduction') levels = [pointsLevel(0)];
    else if (choices) levels = choiceLevels(choices, -1).filter((l) => l.points > 0);
    else levels = [pointsLevel(max)];
  }
  if (kind === 'manual' || kind === 'survey' || kind === 'deduction') {
    next = levels[0] ?? null;
    full = levels[levels.length - 1] ?? null;
  }
  const definition = kpi ? kpiDefinition(kpi) : undefined;
  const facts: CriterionFacts = {
    status,
    role: node.role,
    kind,
    kpi,
    kpiName: definition ? { vi: definition.nameVi, en: definition.nameEn } : null,
    mode,
    points: known ? (current as Fixed) : null,
    maxPoints: max,
    atRisk,
    reading,
    next,
    full,
    assessed,
  };
  return {
    code: node.code,
    name: node.name,
    depth: node.depth,
    role: node.role,
    method: method?.code ?? null,
    kpi,
    status,
    points: facts.points,
    maxPoints: max,
    atRisk,
    assessed,
    reading,
    action: actionOf(status, kind, kpi, mode, next, full),
    levels,
    // Written only when read: an appraiser's table projects thousands of units and shows
    // none of their messages.
    get message() {
      const value = criterionMessage(facts);
      Object.defineProperty(this, 'message', { value, enumerable: true });
      return value;
    },
    error,
  };
}

function actionOf(
  status: CriterionStatus,
  kind: CriterionFacts['kind'],
  kpi: string | null,
  mode: ReachMode,
  next: Level | null,
  full: Level | null,
): Action | null {
  if (status === 'not_scored') return { kind: 'score' };
  if (status === 'no_data') return { kind: 'data', kpi };
  if (status === 'earned') return null;
  switch (kind) {
    case 'records':
      return { kind: 'records', kpi, mode, next, full };
    case 'survey':
      return { kind: 'survey', kpi };
    case 'deduction':
      return { kind: 'deduction' };
    default:
      return { kind: 'self_assessment' };
  }
}

function areasOf(c: CompiledFramework, engine: UnitResult): AreaProjection[] {
  const decimals = c.framework.indexDecimals;
  return engine.areas.map((area) => {
    const assessed = area.status !== 'absent';
    const points = assessed ? (area.points ?? (0 as Fixed)) : null;
    const index =
      area.role !== 'score' || points === null
        ? null
        : (area.index ?? indexOf(points, area.maxPoints, decimals));
    return {
      code: area.code,
      name: area.name,
      role: area.role,
      points,
      maxPoints: area.maxPoints,
      index,
      assessed,
      complete: area.status === 'scored' || area.status === 'given' || area.status === 'absent',
    };
  });
}

/** The band of a result with not-yet-scored criteria counted 0: the engine's `bandFor` on its index and component indexes. */
export function bandOf(c: CompiledFramework, engine: UnitResult, areas = areasOf(c, engine)): string | null {
  if (engine.maxPoints <= 0) return null;
  return bandFor(
    c.framework.bands,
    engine.index,
    areas.map((a) => a.index),
  );
}

/** The score with the given levels applied, by the engine. */
export function scoreWith(
  c: CompiledFramework,
  inputs: UnitInputs,
  changes: readonly { readonly code: string; readonly level: Level }[],
): { readonly engine: UnitResult; readonly score: ProjectedScore } {
  const copy: UnitInputs = {
    kind: inputs.kind.slice(),
    value: inputs.value.slice(),
    denominator: inputs.denominator.slice(),
  };
  for (const { code, level } of changes) setInput(c, copy, code, level.input);
  const engine = scoreUnit(c, copy);
  return {
    engine,
    score: { total: engine.total, maxPoints: engine.maxPoints, index: engine.index, band: bandOf(c, engine) },
  };
}

function bestCase(
  c: CompiledFramework,
  inputs: UnitInputs,
  criteria: readonly CriterionProjection[],
  engine: UnitResult,
): ProjectedScore {
  const changes = criteria.flatMap((criterion) => {
    if (!criterion.assessed || (criterion.status !== 'not_scored' && criterion.status !== 'no_data'))
      return [];
    const top = criterion.levels[criterion.levels.length - 1];
    return top ? [{ code: criterion.code, level: top }] : [];
  });
  if (changes.length === 0) {
    return {
      total: engine.total,
      maxPoints: engine.maxPoints,
      index: engine.index,
      band: engine.complete ? engine.band : bandOf(c, engine),
    };
  }
  return scoreWith(c, inputs, changes).score;
}

/**
 * The unit's own self-assessment values of the criteria scored by hand. A criterion that
 * reads a KPI keeps its live value: the sheet holds a snapshot taken when it was opened.
 */
export function manualEntries(
  compiled: CompiledFramework,
  draft: Record<string, NodeInput>,
): Record<string, NodeInput> {
  const readsKpi = new Set(
    compiled.nodes.flatMap((node) => (!isParent(node) && node.kpi ? [node.code] : [])),
  );
  return Object.fromEntries(Object.entries(draft).filter(([code]) => !readsKpi.has(code)));
}
