// The shapes the projection and the path to target hand back. Points are `Fixed`
// (integer millionths) as everywhere in the engine; format them with `formatDecimal`.

import type { CompiledFramework, Fixed, NodeInput, Role, UnitInputs, UnitResult } from '../framework';
import type { CountResult, RateResult } from '../kpi';

/** What `projectUnit` reads: live KPIs by key and the unit's draft entries by criterion code. */
export interface ProjectionInput {
  /**
   * KPI values by key, as core/kpi computes them. A rate with denominator 0, null, or a
   * key left out is "no data". Keys no criterion reads are ignored.
   */
  readonly kpis?: Readonly<Record<string, RateResult | CountResult | null | undefined>>;
  /**
   * The unit's current self-assessment draft, by criterion code (any level). Null or
   * absent: no entry. As in the engine, an entry wins over the KPI its criterion reads.
   */
  readonly entries?: Readonly<Record<string, NodeInput | null | undefined>>;
}

/**
 * - `earned`: full points (a bonus: what was granted; a deduction: nothing taken off).
 * - `at_risk`: below full points, with the points at stake and the action that recovers them.
 * - `not_scored`: a criterion a person scores, with no entry yet (or an invalid one).
 * - `no_data`: a KPI criterion whose KPI has no data (denominator 0, null, not computed).
 */
export type CriterionStatus = 'earned' | 'at_risk' | 'not_scored' | 'no_data';

/** A KPI value as it stood: an exact rate or a count. */
export type KpiReading =
  | { readonly kind: 'rate'; readonly numerator: number; readonly denominator: number }
  | { readonly kind: 'count'; readonly count: number };

/**
 * How records move to raise a KPI: `existing` moves records already counted into the
 * numerator (12 more documents signed), `new` adds records to both sides (5 more
 * dossiers received online), `fewer` takes records off a count (3 more apologies sent).
 */
export type ReachMode = 'existing' | 'new' | 'fewer';

/** A points level a criterion can reach from where it stands. */
export interface Level {
  /** The criterion's points at this level, as the engine's method scores `input`. */
  readonly points: Fixed;
  /** Records to move (see `ReachMode`) to get here; null where no records apply. */
  readonly records: number | null;
  /** The value that gives these points, to feed back to the engine. */
  readonly input: NodeInput;
  /** For a level of a `lua_chon` criterion, its label. */
  readonly label?: string;
}

/** What a criterion needs. `null` on an earned criterion. */
export type Action =
  | {
      /** A KPI criterion below full points: records to the next level and to the best one. */
      readonly kind: 'records';
      readonly kpi: string | null;
      readonly mode: ReachMode;
      /** The first level above the current points. */
      readonly next: Level | null;
      /** The level of the most points the KPI can give (its points are the max, unless the method tops out lower). */
      readonly full: Level | null;
    }
  | { readonly kind: 'survey'; readonly kpi: string | null }
  | { readonly kind: 'self_assessment' }
  | { readonly kind: 'deduction' }
  | { readonly kind: 'score' }
  | { readonly kind: 'data'; readonly kpi: string | null };

/**
 * A message for people: a stable key with its parameters (numbers as "1.5", counts as
 * numbers) for the UI's own catalogue, and the text already written in both languages.
 */
export interface Message {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly vi: string;
  readonly en: string;
}

/** A criterion at the level it is scored: a leaf, or a node whose points were entered directly. */
export interface CriterionProjection {
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  readonly role: Role;
  /** The framework's scoring method code; `null` for a parent given points directly. */
  readonly method: string | null;
  /** The KPI key the criterion reads, if any. */
  readonly kpi: string | null;
  readonly status: CriterionStatus;
  /** Projected points (for a deduction: the amount taken off); null when not scored or no data. */
  readonly points: Fixed | null;
  readonly maxPoints: Fixed;
  /** Points at stake: max − points when `at_risk` (for a deduction, the amount taken off); else 0. */
  readonly atRisk: Fixed;
  /** False for a criterion of an optional area the unit is not assessed on (it is out of the index). */
  readonly assessed: boolean;
  /** The value scored, when it is a KPI reading (from the registers or entered as a rate or count). */
  readonly reading: KpiReading | null;
  readonly action: Action | null;
  /** The levels above the current points the path to target may raise it to, lowest first. */
  readonly levels: readonly Level[];
  readonly message: Message;
  /** Why the value given could not be used (Vietnamese, from the engine), or null. */
  readonly error: string | null;
}

export interface AreaProjection {
  readonly code: string;
  readonly name: string;
  readonly role: Role;
  /** Points with every not-yet-scored criterion counted 0; null for an area not assessed. */
  readonly points: Fixed | null;
  readonly maxPoints: Fixed;
  /** Component index, rounded like the engine's; null for a bonus/deduction area or one not assessed. */
  readonly index: Fixed | null;
  readonly assessed: boolean;
  /** True when nothing under it is pending or invalid. */
  readonly complete: boolean;
}

export interface ProjectionError {
  /** `kpi` / `entry`: a KPI or an entry that does not fit its criterion; `score`: a value the engine refused. */
  readonly source: 'kpi' | 'entry' | 'score';
  readonly code: string | null;
  readonly message: string;
}

export interface ProjectedScore {
  readonly total: Fixed;
  readonly maxPoints: Fixed;
  readonly index: Fixed;
  readonly band: string | null;
}

export interface Projection extends ProjectedScore {
  /**
   * Total, max and index are exactly the engine's for these inputs: what is known, every
   * criterion not yet scored or without data counted 0 (a lower bound while incomplete).
   * `band` is the band that index and the known component indexes earn, given even
   * while incomplete (the engine leaves it null then); `complete` says whether it is final.
   */
  readonly complete: boolean;
  /** The same with every not-yet-scored or no-data criterion at its best: the ceiling of the range. */
  readonly bestCase: ProjectedScore;
  readonly areas: readonly AreaProjection[];
  /** Every criterion at its scored level, framework order. */
  readonly criteria: readonly CriterionProjection[];
  /** The `at_risk` criteria, largest `atRisk` first (ties in framework order). */
  readonly atRisk: readonly CriterionProjection[];
  /** The assessed criteria `not_scored` or `no_data`, framework order. */
  readonly unscored: readonly CriterionProjection[];
  readonly errors: readonly ProjectionError[];
  /** What the projection was computed from, for `pathToTarget` and for callers who need the engine's detail. */
  readonly compiled: CompiledFramework;
  readonly inputs: UnitInputs;
  readonly engine: UnitResult;
}

/** A target: a band by name (that band or a better one), or an index (percent, as a `Fixed`). */
export type Target = { readonly band: string } | { readonly index: Fixed };

export interface PathOptions {
  /**
   * Also offer the intermediate levels of a criterion (thresholds of `nguong`, levels of
   * `lua_chon`, each count of `tru_diem`, each record of a short `ty_le`), a
   * multiple-choice knapsack. Default true; false raises criteria to full points only.
   */
  readonly partialSteps?: boolean;
  /** Also raise `not_scored` and `no_data` criteria (from 0). Default false: they stay at 0. */
  readonly includeUnscored?: boolean;
  /**
   * Pairs of partial solutions the exact search may combine (default `WORK_LIMIT`, 2
   * million, about a second) before it settles for the greedy set and says `exact: false`.
   */
  readonly workLimit?: number;
}

export interface PathStep {
  readonly code: string;
  readonly name: string;
  readonly kpi: string | null;
  readonly status: CriterionStatus;
  /** The criterion's points now and after the step (for a deduction: taken off now, after). */
  readonly from: Fixed;
  readonly to: Fixed;
  /** Points the criterion recovers, |to − from|. */
  readonly gain: Fixed;
  readonly effort: Fixed;
  /** Records to move, as in `Level.records`. */
  readonly records: number | null;
  /** True when the step takes the criterion to its best level. */
  readonly full: boolean;
  readonly level: Level;
  readonly message: Message;
}

export interface PathToTarget {
  /** The target resolved: the band asked for (or null) and the index it needs. */
  readonly target: { readonly band: string | null; readonly index: Fixed };
  /** Whether the steps reach the target (true with no steps when it is already reached). */
  readonly reached: boolean;
  readonly alreadyReached: boolean;
  /**
   * The improvements, largest gain first: the set of least effort that reaches the
   * target (fewest criteria among equal efforts), or, when no set does, the set of
   * least effort that gets the highest index possible.
   */
  readonly steps: readonly PathStep[];
  readonly effort: Fixed;
  readonly from: ProjectedScore;
  /** What the engine gives with the steps applied. */
  readonly to: ProjectedScore;
  /** When unreachable: target index − the best index reachable; else null. */
  readonly shortBy: Fixed | null;
  /**
   * False only if the search passed `workLimit` and settled for a greedy set improved by
   * local search: dozens of criteria whose gains differ in every decimal (a subset-sum
   * problem). The sample framework with every criterion improvable stays far below it.
   */
  readonly exact: boolean;
  readonly message: Message;
}
