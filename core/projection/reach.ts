// What a criterion can still reach, asked of the engine's own method objects: the
// engine scores a value but cannot say which value earns a given number of points, so
// this adapter searches the method's `score` (monotone in the records moved) instead of
// re-deriving any method's rule.

import { type AnyMethod, type Fixed, indexOf, type Levels, type NodeInput } from '../framework';

export { indexOf };

import type { KpiReading, Level, ReachMode } from './types';

/** A criterion with more distinct levels than this offers the path only its best one. */
export const MAX_LEVELS = 12;
/** `new` mode: adding more records than this is not a plan. */
export const MAX_NEW_RECORDS = 1_000_000;

export interface Reach {
  readonly mode: ReachMode;
  /** Every level above the current points, lowest first; `MAX_LEVELS + 1` means "more". */
  readonly levels: readonly Level[];
  readonly next: Level | null;
  readonly full: Level | null;
}

interface Scorer {
  readonly method: AnyMethod;
  readonly params: unknown;
  readonly maxPoints: Fixed;
}

/**
 * The levels a KPI criterion reaches by moving records, in `mode` if the method's best
 * is reachable that way, else in `existing` (a rate) — a threshold of 100 % on online
 * dossiers cannot be reached by new online dossiers alone.
 */
export function reachByRecords(scorer: Scorer, reading: KpiReading, preferred: ReachMode): Reach {
  const modes: ReachMode[] =
    reading.kind === 'count' ? ['fewer'] : preferred === 'new' ? ['new', 'existing'] : ['existing'];
  let first: Reach | null = null;
  for (const mode of modes) {
    const reach = reachIn(scorer, reading, mode);
    if (reach.full !== null && reach.full.points === bestPoints(scorer, reading)) return reach;
    first ??= reach;
  }
  return first ?? { mode: preferred, levels: [], next: null, full: null };
}

/** The points the method gives a perfect value: a rate of 100 %, a count of 0. */
function bestPoints(s: Scorer, reading: KpiReading): number {
  return reading.kind === 'count' ? score(s, 0, 1) : score(s, 1, 1);
}

function score(s: Scorer, value: number, denominator: number): number {
  return s.method.score(value, denominator, s.maxPoints, s.params);
}

function reachIn(s: Scorer, reading: KpiReading, mode: ReachMode): Reach {
  const { limit, at } = walker(s, reading, mode);
  const levels: Level[] = [];
  const pointsAt = (k: number) => at(k).points;
  let k = 0;
  let points = pointsAt(0);
  // Each level: the fewest records whose points exceed the last level's (binary search;
  // the method's score never falls as records move the right way).
  while (levels.length <= MAX_LEVELS && pointsAt(limit) > points) {
    k = firstReaching(pointsAt, k + 1, limit, points + 1);
    points = pointsAt(k);
    levels.push(at(k));
  }
  const top = pointsAt(limit);
  const next = levels[0] ?? null;
  let full: Level | null = null;
  if (top > pointsAt(0)) {
    const last = levels[levels.length - 1];
    full = last && last.points === top ? last : at(firstReaching(pointsAt, k, limit, top));
  }
  return { mode, levels, next, full };
}

interface Walker {
  readonly limit: number;
  at(k: number): Level;
}

function walker(s: Scorer, reading: KpiReading, mode: ReachMode): Walker {
  const level = (points: number, records: number, input: NodeInput): Level => ({
    points: Math.max(points, 0) as Fixed,
    records,
    input,
  });
  if (reading.kind === 'count') {
    const { count } = reading;
    return {
      limit: count,
      at: (k) => level(score(s, count - k, 1), k, { kind: 'count', count: count - k }),
    };
  }
  const { numerator, denominator } = reading;
  if (mode === 'new') {
    return {
      limit: MAX_NEW_RECORDS,
      at: (k) =>
        level(score(s, numerator + k, denominator + k), k, {
          kind: 'rate',
          rate: { numerator: numerator + k, denominator: denominator + k },
        }),
    };
  }
  return {
    limit: Math.max(denominator - numerator, 0),
    at: (k) =>
      level(score(s, numerator + k, denominator), k, {
        kind: 'rate',
        rate: { numerator: numerator + k, denominator },
      }),
  };
}

/** The least k in [from, to] with f(k) ≥ wanted; f is non-decreasing and f(to) ≥ wanted. */
function firstReaching(f: (k: number) => number, from: number, to: number, wanted: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (f(mid) >= wanted) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The levels of a `lua_chon` criterion above `points`, lowest first (its parameters are the engine's `Levels`). */
export function choiceLevels(levels: Levels, points: number): Level[] {
  return levels.points
    .map((p, i) => ({ p, label: levels.labels[i] ?? '' }))
    .filter(({ p }) => p > points)
    .sort((a, b) => a.p - b.p)
    .map(({ p, label }) => ({ points: p, records: null, input: { kind: 'choice', label }, label }));
}

/** The fewest points whose index over `maxPoints` reaches `index`; null if even the maximum does not. */
export function minPointsFor(index: Fixed, maxPoints: number, decimals: number): number | null {
  if (indexOf(maxPoints, maxPoints, decimals) < index) return null;
  return firstReaching((p) => indexOf(p, maxPoints, decimals), 0, maxPoints, index);
}
