// The path to target: the improvements of least total effort that bring the projected
// index to a target index or band. Exact: a dynamic programme over the criteria tree
// that keeps, per node, the Pareto frontier of (points, effort) over whole millionths —
// the engine's clamps (bonus and deductions within a parent's maximum, the total within
// 0..max) applied at the node where the engine applies them — pruned by the cost of a
// greedy solution. The set it picks is then scored by the engine, which gives every
// number reported.

import { type Fixed, SCALE } from '../framework';
import { pathMessage, stepMessage } from './messages';
import { scoreWith } from './project';
import { minPointsFor } from './reach';
import type {
  CriterionProjection,
  Level,
  PathOptions,
  PathStep,
  PathToTarget,
  Projection,
  ReachMode,
  Target,
} from './types';

/** Pairs of partial solutions the search may combine before it falls back to the greedy set. */
export const WORK_LIMIT = 2_000_000;

interface Option {
  readonly g: number;
  readonly effort: number;
  readonly level: Level;
}

interface Item {
  readonly criterion: CriterionProjection;
  /** Points now (for a deduction, taken off now). */
  readonly from: number;
  /** Its points times its direction: what the total gains with more. */
  readonly base: number;
  /** Levels lowest first; the last is the best. */
  readonly options: readonly Option[];
}

/** A node of the search tree: an item, or a clamped sum of a constant and its kids. */
interface SearchNode {
  readonly item: number;
  readonly lo: number;
  readonly hi: number;
  readonly constant: number;
  readonly kids: readonly SearchNode[];
  /** Its index among the framework's areas, or -1. */
  readonly area: number;
  /** No clamp can bind here (the engine's `plain`): its kids may join its parent's sum. */
  readonly plain: boolean;
}

type Pick =
  | null
  | { readonly item: number; readonly option: number }
  | { readonly a: Pick; readonly b: Pick };

interface Entry {
  readonly g: number;
  readonly e: number;
  readonly n: number;
  readonly pick: Pick;
}

interface Cost {
  readonly e: number;
  readonly n: number;
}

interface Run {
  /** Band position, or -1 for an index target. */
  readonly band: number;
  /** Least total points that reach the index. */
  readonly total: number;
  /** Least points per area index (in `compiled.areas`) for the band's floor. */
  readonly floors: ReadonlyMap<number, number>;
}

class TooMuchWork extends Error {}

const less = (a: Cost, b: Cost) => a.e < b.e || (a.e === b.e && a.n < b.n);
const within = (a: Cost, bound: Cost) => !less(bound, a);
const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

/**
 * The cheapest improvements that reach `target` from the projection's known score.
 * `effort` by criterion code is the effort of raising it to its best level (default:
 * the points it recovers); an intermediate level costs the same share of it as of the
 * points; `Infinity` leaves a criterion out. Efforts are rounded to 6 decimals.
 */
export function pathToTarget(
  projection: Projection,
  target: Target,
  effort: Readonly<Record<string, number>> = {},
  options: PathOptions = {},
): PathToTarget {
  const { compiled } = projection;
  const { bands, indexDecimals: decimals } = compiled.framework;
  const items = itemsOf(projection, effort, options);
  const itemAt = new Map(items.map((item, k) => [compiled.position.get(item.criterion.code) ?? -1, k]));
  const tree = searchTree(projection, items, itemAt);
  const runs = runsFor(projection, target);
  const search = new Search(items, tree, options.workLimit ?? WORK_LIMIT);

  const none = new Int32Array(items.length).fill(-1);
  const bandIndex = 'band' in target ? bands.findIndex((b) => b.name === target.band) : -1;
  const targetIndex = 'band' in target ? (bands[bandIndex]?.min ?? (0 as Fixed)) : target.index;
  const alreadyReached = runs.some((run) => search.feasible(none, run));

  let best: { choice: Int32Array; cost: Cost; g: number; band: number } | null = null;
  let exact = true;
  if (!alreadyReached) {
    for (const run of runs) {
      const found = search.solve(run);
      if (found === null) continue;
      exact &&= found.exact;
      const better =
        best === null ||
        less(found.cost, best.cost) ||
        (!less(best.cost, found.cost) &&
          (run.band < best.band || (run.band === best.band && found.g > best.g)));
      if (better) best = { ...found, band: run.band };
    }
  }
  let choice = alreadyReached ? none : best?.choice;
  if (choice === undefined) {
    // Unreachable: the cheapest set that gets the highest total there is.
    const top = search.topChoice();
    const found = search.solve({ band: -1, total: search.rootG(top), floors: new Map() });
    exact &&= found?.exact ?? true;
    choice = found?.choice ?? top;
  }

  const steps = stepsOf(items, choice);
  const from = {
    total: projection.total,
    maxPoints: projection.maxPoints,
    index: projection.index,
    band: projection.band,
  };
  const to = steps.length === 0 ? from : scoreWith(compiled, projection.inputs, steps).score;
  const reached =
    alreadyReached ||
    ('band' in target
      ? to.band !== null && bands.findIndex((b) => b.name === to.band) <= bandIndex
      : to.index >= target.index);
  const shortBy = reached ? null : (Math.max(targetIndex - to.index, 0) as Fixed);
  return {
    target: { band: 'band' in target ? target.band : null, index: targetIndex },
    reached,
    alreadyReached,
    steps,
    effort: steps.reduce((sum, s) => sum + s.effort, 0) as Fixed,
    from,
    to,
    shortBy,
    exact,
    message: pathMessage({
      band: 'band' in target ? target.band : null,
      targetIndex,
      decimals,
      reached,
      alreadyReached,
      steps: steps.length,
      fromIndex: from.index,
      toIndex: to.index,
      shortBy,
    }),
  };
}

function toEffort(code: string, value: number): number | null {
  if (value === Number.POSITIVE_INFINITY) return null;
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`Công sức của tiêu chí ${code} phải là số không âm (đang là ${value})`);
  }
  const millionths = Math.round(value * SCALE);
  if (!Number.isSafeInteger(millionths)) throw new RangeError(`Công sức của tiêu chí ${code} quá lớn`);
  return millionths;
}

function itemsOf(
  projection: Projection,
  effort: Readonly<Record<string, number>>,
  options: PathOptions,
): Item[] {
  const { partialSteps = true, includeUnscored = false } = options;
  const items: Item[] = [];
  for (const criterion of projection.criteria) {
    const unscored = criterion.status === 'not_scored' || criterion.status === 'no_data';
    if (!criterion.assessed || !(criterion.status === 'at_risk' || (includeUnscored && unscored))) continue;
    const levels = partialSteps ? criterion.levels : criterion.levels.slice(-1);
    const top = levels[levels.length - 1];
    if (top === undefined) continue;
    const given = Object.hasOwn(effort, criterion.code)
      ? toEffort(criterion.code, effort[criterion.code] ?? 0)
      : -1;
    if (given === null) continue;
    const from = criterion.points ?? 0;
    const sign = criterion.role === 'deduction' ? -1 : 1;
    const gainOf = (level: Level) => Math.abs(level.points - from);
    const fullGain = gainOf(top);
    items.push({
      criterion,
      from,
      base: sign * from,
      options: levels.map((level) => ({
        g: sign * level.points,
        effort: given < 0 ? gainOf(level) : share(given, gainOf(level), fullGain),
        level,
      })),
    });
  }
  return items;
}

/** effort × part / whole, rounded half-up, exactly. */
function share(effort: number, part: number, whole: number): number {
  if (part === whole || whole === 0) return effort;
  const num = BigInt(effort) * BigInt(part);
  const den = BigInt(whole);
  const q = num / den;
  return Number((num % den) * 2n >= den ? q + 1n : q);
}

function searchTree(
  projection: Projection,
  items: readonly Item[],
  itemAt: ReadonlyMap<number, number>,
): { readonly root: SearchNode; readonly constants: readonly { area: number; g: number }[] } {
  const { compiled: c, engine } = projection;
  const children = (row: number) =>
    Array.from(c.childList.subarray(c.childStart[row], c.childStart[row + 1]));
  const counted = (i: number) => {
    const status = engine.nodes[i]?.status;
    return status !== 'covered' && status !== 'absent';
  };
  // A node's points times its direction (+1 where more points raise the total).
  const build = (i: number, d: number, area: number): SearchNode | number => {
    const item = itemAt.get(i);
    if (item !== undefined && items[item])
      return { item, lo: 0, hi: 0, constant: 0, kids: [], area, plain: true };
    const node = engine.nodes[i];
    const value = d * (node?.points ?? 0);
    if (c.leaf[i] === 1 || (node?.status !== 'scored' && node?.status !== 'partial')) return value;
    let constant = 0;
    const kids: SearchNode[] = [];
    for (const child of children(c.childRow[i] ?? -1)) {
      if (!counted(child)) continue;
      const built = build(child, d * (c.sign[child] ?? 1), -1);
      if (typeof built === 'number') constant += built;
      else kids.push(built);
    }
    if (kids.length === 0) return value;
    const max = c.maxPoints[i] ?? 0;
    return {
      item: -1,
      lo: d > 0 ? 0 : -max,
      hi: d > 0 ? max : 0,
      constant,
      kids,
      area,
      plain: c.plain[i] === 1,
    };
  };
  let constant = 0;
  const kids: SearchNode[] = [];
  const constants: { area: number; g: number }[] = [];
  c.areas.forEach((a, q) => {
    if (!counted(a)) return;
    const built = build(a, c.sign[a] ?? 1, q);
    if (typeof built === 'number') {
      constant += built;
      constants.push({ area: q, g: built });
    } else kids.push(built);
  });
  // Areas without an item are folded into the root's constant; their points stay known for floors.
  return {
    root: { item: -1, lo: 0, hi: engine.maxPoints, constant, kids, area: -1, plain: false },
    constants,
  };
}

function runsFor(projection: Projection, target: Target): Run[] {
  const { compiled: c, engine } = projection;
  const { bands, indexDecimals: decimals } = c.framework;
  const run = (band: number, index: Fixed, floor: Fixed | undefined): Run | null => {
    const total = minPointsFor(index, engine.maxPoints, decimals);
    if (total === null) return null;
    const floors = new Map<number, number>();
    if (floor !== undefined) {
      for (let q = 0; q < engine.areas.length; q++) {
        const area = engine.areas[q];
        if (area?.role !== 'score' || area.status === 'absent') continue;
        const least = minPointsFor(floor, area.maxPoints, decimals);
        if (least === null) return null;
        floors.set(q, least);
      }
    }
    return { band, total, floors };
  };
  if (!('band' in target)) {
    const only = run(-1, target.index, undefined);
    return only ? [only] : [];
  }
  const position = bands.findIndex((b) => b.name === target.band);
  if (position < 0) {
    throw new RangeError(
      `Không có loại "${target.band}" trong bộ chỉ số (có: ${bands.map((b) => b.name).join(', ')})`,
    );
  }
  // The band asked for or any better one: the first band whose rules the index meets is given.
  return bands.slice(0, position + 1).flatMap((band, j) => run(j, band.min, band.minAreaIndex) ?? []);
}

class Search {
  private work = 0;
  private readonly limit: number;
  private readonly areaG: Map<number, number> = new Map();

  private readonly root: SearchNode;
  private readonly constants: readonly { area: number; g: number }[];

  constructor(
    private readonly items: readonly Item[],
    tree: { readonly root: SearchNode; readonly constants: readonly { area: number; g: number }[] },
    limit: number,
  ) {
    this.limit = limit;
    this.root = tree.root;
    this.constants = tree.constants;
  }

  topChoice(): Int32Array {
    return Int32Array.from(this.items, (item) => item.options.length - 1);
  }

  rootG(choice: Int32Array): number {
    return this.evaluate(this.root, choice);
  }

  feasible(choice: Int32Array, run: Run): boolean {
    this.areaG.clear();
    for (const { area, g } of this.constants) this.areaG.set(area, g);
    if (this.evaluate(this.root, choice) < run.total) return false;
    for (const [area, least] of run.floors) if ((this.areaG.get(area) ?? 0) < least) return false;
    return true;
  }

  private evaluate(node: SearchNode, choice: Int32Array): number {
    let g: number;
    if (node.item >= 0) {
      const item = this.items[node.item] as Item;
      const k = choice[node.item] ?? -1;
      g = k < 0 ? item.base : (item.options[k]?.g ?? item.base);
    } else {
      let sum = node.constant;
      for (const kid of node.kids) sum += this.evaluate(kid, choice);
      g = clamp(sum, node.lo, node.hi);
    }
    if (node.area >= 0) this.areaG.set(node.area, g);
    return g;
  }

  private costOf(choice: Int32Array): Cost {
    let e = 0;
    let n = 0;
    choice.forEach((k, i) => {
      if (k >= 0) {
        e += this.items[i]?.options[k]?.effort ?? 0;
        n++;
      }
    });
    return { e, n };
  }

  /**
   * The cheapest choice meeting `run`, or null when even every criterion at its best
   * does not. Exact unless the frontier work exceeds `WORK_LIMIT` (then the greedy choice).
   */
  solve(run: Run): { choice: Int32Array; cost: Cost; g: number; exact: boolean } | null {
    const top = this.topChoice();
    if (!this.feasible(top, run)) return null;
    const greedy = this.greedy(top, run);
    const bound = this.costOf(greedy);
    try {
      this.work = 0;
      const frontier = this.frontier(this.root, run, bound);
      // Frontiers run from the most points down with strictly falling cost: the last entry
      // that reaches the total is the cheapest, and the most points among equal costs.
      let chosen: Entry | null = null;
      for (const entry of frontier) if (entry.g >= run.total) chosen = entry;
      if (chosen === null) throw new Error('path: the search lost the greedy solution');
      const choice = new Int32Array(this.items.length).fill(-1);
      const stack: Pick[] = [chosen.pick];
      while (stack.length > 0) {
        const pick = stack.pop() ?? null;
        if (pick === null) continue;
        if ('item' in pick) choice[pick.item] = pick.option;
        else stack.push(pick.a, pick.b);
      }
      return { choice, cost: { e: chosen.e, n: chosen.n }, g: chosen.g, exact: true };
    } catch (error) {
      if (!(error instanceof TooMuchWork)) throw error;
      const better = this.improve(greedy, run);
      return { choice: better, cost: this.costOf(better), g: this.rootG(better), exact: false };
    }
  }

  /** From every criterion at its best, lower each (worst effort per point first) as far as the run allows. */
  private greedy(top: Int32Array, run: Run): Int32Array {
    const choice = top.slice();
    const ratio = (i: number) => {
      const item = this.items[i] as Item;
      const best = item.options[item.options.length - 1] as Option;
      return best.effort / Math.max(Math.abs(best.g - item.base), 1);
    };
    const order = Array.from(this.items.keys()).sort((a, b) => ratio(b) - ratio(a));
    for (const i of order) {
      const was = choice[i] ?? -1;
      for (let k = -1; k < was; k++) {
        choice[i] = k;
        if (this.feasible(choice, run)) break;
        choice[i] = was;
      }
    }
    return choice;
  }

  /** Local search from the greedy choice: drop one improvement for another level of another, while it is cheaper. */
  private improve(start: Int32Array, run: Run): Int32Array {
    const choice = start.slice();
    let cost = this.costOf(choice);
    for (let round = 0; round < 20; round++) {
      let found = false;
      for (let i = 0; i < choice.length && !found; i++) {
        const was = choice[i] ?? -1;
        if (was < 0) continue;
        for (let j = 0; j < choice.length && !found; j++) {
          const other = choice[j] ?? -1;
          const options = this.items[j]?.options.length ?? 0;
          for (let k = j === i ? -1 : other + 1; k < options && !found; k++) {
            if (j === i && k >= was) break;
            choice[i] = -1;
            choice[j] = k;
            const trial = this.costOf(choice);
            if (less(trial, cost) && this.feasible(choice, run)) {
              cost = trial;
              found = true;
            } else {
              choice[j] = other;
              choice[i] = was;
            }
          }
        }
      }
      if (!found) break;
    }
    return choice;
  }

  private frontier(node: SearchNode, run: Run, bound: Cost): Entry[] {
    let entries: Entry[];
    if (node.item >= 0) {
      const item = this.items[node.item] as Item;
      entries = [{ g: item.base, e: 0, n: 0, pick: null }];
      item.options.forEach((option, k) => {
        const entry = { g: option.g, e: option.effort, n: 1, pick: { item: node.item, option: k } };
        if (within(entry, bound)) entries.push(entry);
      });
      entries = prune(entries);
    } else {
      // A plain kid (no floor on it in this run) is its kids' sum: merge those here instead.
      let constant = node.constant;
      const flat: SearchNode[] = [];
      const open = (kid: SearchNode) => {
        const floored = kid.area >= 0 && run.floors.has(kid.area);
        if (kid.item >= 0 || !kid.plain || floored) flat.push(kid);
        else {
          constant += kid.constant;
          kid.kids.forEach(open);
        }
      };
      node.kids.forEach(open);
      const kids = flat.map((kid) => this.frontier(kid, run, bound));
      const atRoot = node === this.root && run.total > 0;
      // At the root only the total matters: kids that can take points off first, then
      // drop what cannot reach the total even with the most of every kid left, and
      // count anything past the total as the total once no kid left can take off.
      if (atRoot) kids.sort((a, b) => lowest(a) - lowest(b));
      const most = suffixSums(kids.map((f) => f[0]?.g ?? 0));
      const least = suffixSums(kids.map(lowest));
      entries = [{ g: constant, e: 0, n: 0, pick: null }];
      kids.forEach((kid, k) => {
        entries = this.merge(entries, kid, bound);
        if (!atRoot) return;
        const rest = most[k + 1] ?? 0;
        const reach = entries.findIndex((x) => x.g + rest < run.total);
        if (reach >= 0) entries = entries.slice(0, reach);
        if ((least[k + 1] ?? 0) >= 0) entries = capAt(entries, run.total);
      });
      entries = prune(entries.map((x) => ({ ...x, g: clamp(x.g, node.lo, node.hi) })));
    }
    const floor = node.area >= 0 ? run.floors.get(node.area) : undefined;
    return floor === undefined ? entries : entries.filter((x) => x.g >= floor);
  }

  /** The frontier of the sums of an entry of each: one shifted copy of the longer per entry of the shorter, merged. */
  private merge(left: readonly Entry[], right: readonly Entry[], bound: Cost): Entry[] {
    const [long, short] = left.length >= right.length ? [left, right] : [right, left];
    this.work += long.length * short.length;
    if (this.work > this.limit) throw new TooMuchWork();
    const { e: maxE, n: maxN } = bound;
    let lists = short.map((b) => {
      const shifted: Entry[] = [];
      for (let i = 0; i < long.length; i++) {
        const a = long[i] as Entry;
        const e = a.e + b.e;
        const n = a.n + b.n;
        if (e > maxE || (e === maxE && n > maxN)) continue;
        const pick = a.pick === null ? b.pick : b.pick === null ? a.pick : { a: a.pick, b: b.pick };
        shifted.push({ g: a.g + b.g, e, n, pick });
      }
      return shifted;
    });
    while (lists.length > 1) {
      const next: Entry[][] = [];
      for (let i = 0; i < lists.length; i += 2) {
        const x = lists[i] ?? [];
        const y = lists[i + 1];
        next.push(y ? union(x, y) : x);
      }
      lists = next;
    }
    return lists[0] ?? [];
  }
}

/** The frontier of two frontiers (each: most points first, cost falling). */
function union(x: readonly Entry[], y: readonly Entry[]): Entry[] {
  const out: Entry[] = [];
  let best: Cost = { e: Number.POSITIVE_INFINITY, n: Number.POSITIVE_INFINITY };
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const a = x[i];
    const b = y[j];
    let entry: Entry;
    if (a === undefined) entry = y[j++] as Entry;
    else if (b === undefined) entry = x[i++] as Entry;
    else if (a.g > b.g || (a.g === b.g && !less(b, a))) entry = x[i++] as Entry;
    else entry = y[j++] as Entry;
    if (!less(entry, best)) continue;
    out.push(entry);
    best = entry;
  }
  return out;
}

/** A frontier with every entry above `g` counted as `g` (most points first, cost falling). */
function capAt(entries: readonly Entry[], g: number): Entry[] {
  let k = 0;
  while (k < entries.length && (entries[k] as Entry).g >= g) k++;
  if (k === 0) return entries as Entry[];
  // Cost falls as points fall: the last entry at or above `g` is the cheapest of them.
  const cheapest = entries[k - 1] as Entry;
  return [{ ...cheapest, g }, ...entries.slice(k)];
}

const lowest = (frontier: readonly Entry[]) => frontier[frontier.length - 1]?.g ?? 0;

/** sums[k] = values[k] + … + values[last]; sums[length] = 0. */
function suffixSums(values: readonly number[]): number[] {
  const sums = new Array<number>(values.length + 1).fill(0);
  for (let k = values.length - 1; k >= 0; k--) sums[k] = (sums[k + 1] ?? 0) + (values[k] ?? 0);
  return sums;
}

/** Most points first; an entry stays only if it is cheaper than every entry with as many points. */
function prune(entries: Entry[]): Entry[] {
  entries.sort((a, b) => b.g - a.g || a.e - b.e || a.n - b.n);
  const out: Entry[] = [];
  let best: Cost = { e: Number.POSITIVE_INFINITY, n: Number.POSITIVE_INFINITY };
  for (const entry of entries) {
    if (!less(entry, best)) continue;
    out.push(entry);
    best = entry;
  }
  return out;
}

function stepKind(criterion: CriterionProjection) {
  switch (criterion.action?.kind) {
    case 'records':
      return 'records';
    case 'survey':
      return 'survey';
    case 'deduction':
      return 'deduction';
    case 'score':
      return 'score';
    case 'data':
      return 'data';
    default:
      return 'manual';
  }
}

function stepsOf(items: readonly Item[], choice: Int32Array): (PathStep & { readonly level: Level })[] {
  const steps: { step: PathStep; order: number }[] = [];
  choice.forEach((k, i) => {
    const item = items[i];
    const option = item?.options[k];
    if (!item || !option) return;
    const { criterion } = item;
    const from = item.from as Fixed;
    const to = option.level.points;
    const action = criterion.action;
    const mode: ReachMode = action?.kind === 'records' ? action.mode : 'existing';
    steps.push({
      order: i,
      step: {
        code: criterion.code,
        name: criterion.name,
        kpi: criterion.kpi,
        status: criterion.status,
        from,
        to,
        gain: Math.abs(to - from) as Fixed,
        effort: option.effort as Fixed,
        records: option.level.records,
        full: k === item.options.length - 1,
        level: option.level,
        message: stepMessage(
          criterion.code,
          stepKind(criterion),
          criterion.kpi,
          mode,
          option.level,
          from,
          to,
        ),
      },
    });
  });
  return steps.sort((a, b) => b.step.gain - a.step.gain || a.order - b.order).map((s) => s.step);
}
