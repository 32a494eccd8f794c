// Public API of the framework and scoring engine. Pure: no I/O, no clock; it runs in
// the browser and on the server alike. README.md beside this file shows the flow.

export { bandFor } from './band';
export type { Checked, Parsed } from './checked';
export { compareWithPrevious, type Delta, type NodeChange, type YearChange } from './compare';
export { type CompiledFramework, compileFramework } from './compile';
export type { FrameworkError, FrameworkErrorCode, FrameworkField } from './errors';
export { type RankedResults, scoreAndRank, type UnitEntry } from './evaluate';
export {
  asFixed,
  FIXED_DECIMALS,
  FIXED_ZERO,
  type Fixed,
  type FormatOptions,
  fixed,
  formatDecimal,
  parseDecimal,
  roundFixed,
  SCALE,
  sumFixed,
  toNumber,
} from './fixed';
export {
  buildInputs,
  emptyInputs,
  type InputError,
  type InputErrorCode,
  setInput,
  type UnitData,
  type UnitInputs,
} from './inputs';
export {
  KPI_DEFINITIONS,
  KPI_KEYS,
  type KpiDefinition,
  type KpiKey,
  type KpiKind,
  kpiDefinition,
} from './kpi';
export { type LostPoints, lostPoints } from './lost';
export { findMethod, METHODS } from './methods';
export type { Levels } from './methods/lua-chon';
export type { Thresholds } from './methods/nguong';
export {
  type AnyMethod,
  type InputKind,
  type LeafColumns,
  SCORE_FAILURE,
  type ScoringMethod,
} from './methods/types';
export {
  type Band,
  type Criterion,
  DEFAULT_INDEX_DECIMALS,
  type Framework,
  isParent,
  type LeafCriterion,
  type ParentCriterion,
  type Role,
} from './model';
export { type Ranking, rankUnits, type TieGroup } from './rank';
export { parseRate, type Rate, rateFromPercent, rateOf, ratePercent, reachesPercent } from './rate';
export {
  type NodeResult,
  type NodeStatus,
  type ScoreError,
  type ScoreErrorCode,
  scoreUnit,
  type UnitResult,
  unitResult,
} from './results';
export { FRAMEWORK_HEADER, type FrameworkMeta, type RowError } from './rows-layout';
export { frameworkFromRows } from './rows-read';
export { frameworkMeta, frameworkToRows } from './rows-write';
export {
  type BandJson,
  type CriterionJson,
  criterionJsonSchema,
  type FrameworkJson,
  frameworkJsonSchema,
  frameworkToJson,
  parseFrameworkJson,
} from './schema';
export { indexOf, type ScoreTable, scoreUnits } from './table';
export {
  allNodes,
  canonicalParams,
  childrenMaxPoints,
  findNode,
  nodeRole,
  parentCode,
  walk,
} from './tree';
export { MAX_NODE_POINTS, type ValidateOptions, validateFramework } from './validate';
export { type KpiValue, kpiCount, kpiPercent, kpiRate, type NodeInput, parseNodeValue } from './values';
