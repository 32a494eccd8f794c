// The contract every scoring method fulfils. A method is data-driven: the framework
// names it and gives its parameters; adding one is a new file and a registry line.

import type { Parsed } from '../checked';
import type { Fixed } from '../fixed';
import type { KpiKind } from '../kpi';
import type { Role } from '../model';

/**
 * What a leaf's value is: points typed by the scorer, an exact rate
 * (`value / denominator`, 1 = 100 %) or a whole count (`denominator` is then 1).
 */
export type InputKind = 'points' | 'rate' | 'count';

/**
 * Negative results of `score`, so the hot path returns a plain number. A value out
 * of range is an error to show the scorer, never clamped silently.
 */
export const SCORE_FAILURE = {
  aboveMax: -1,
  belowZero: -2,
  notALevel: -3,
  badInput: -4,
} as const;

export interface ScoringMethod<P> {
  /** The code written in `Phương pháp chấm`. */
  readonly code: string;
  /** Vietnamese name for forms. */
  readonly label: string;
  /** `bonus` and `deduction` methods add to or subtract from their parent, outside its maximum. */
  readonly role: Role;
  readonly input: InputKind;
  /** The kind of KPI a leaf may read its value from, or null for a value only a person enters. */
  readonly kpiKind: KpiKind | null;
  /** Reads `Tham số` for a leaf with this maximum; the message is Vietnamese. */
  parseParams(text: string, maxPoints: Fixed): Parsed<P>;
  /** The canonical `Tham số` text, so a framework file round-trips. */
  formatParams(params: P): string;
  /**
   * Points (a `Fixed` from 0 to `maxPoints`; for a deduction, the amount taken off) or a
   * negative `SCORE_FAILURE`. Runs for every leaf of every unit: it must not allocate.
   */
  score(value: number, denominator: number, maxPoints: Fixed, params: P): number;
  /**
   * `score` for the slots `from` up to `to` of one unit (a run of this method's leaves):
   * writes each result to `columns.points` and returns how many failed. The hot path
   * calls this once per run; write it as a plain loop calling this method's own `score`
   * function, so V8 inlines it — a loop shared by all methods cannot be, and measured
   * 30 % slower on the bench.
   */
  scoreEach(from: number, to: number, columns: LeafColumns): number;
  /** For methods with named levels: the points of a label typed by the scorer, or null. */
  levelPoints?(label: string, params: P): Fixed | null;
}

/** One unit's leaf values and the framework's leaf data, by slot (see `HotLayout`). */
export interface LeafColumns {
  readonly value: Float64Array;
  readonly denominator: Float64Array;
  readonly maxPoints: Float64Array;
  /** Each leaf's parameters as its method parsed them. */
  readonly params: readonly unknown[];
  readonly points: Float64Array;
}

/**
 * A method of any parameter type. Methods are declared with method syntax, which
 * TypeScript checks bivariantly, so every `ScoringMethod<P>` fits here; the params a
 * method parsed are only ever handed back to that same method.
 */
export type AnyMethod = ScoringMethod<unknown>;
