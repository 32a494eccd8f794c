// Public API of the projection: the index a unit is heading for, from live KPIs and its
// self-assessment draft, the points at risk, and the cheapest path to a target band or
// index. Pure: no I/O, no clock; it runs in the browser and on the server alike.
// README.md beside this file shows the flow.

export { type ProjectionJson, projectionToJson } from './json';
export type { Locale } from './messages';
export { recordsPhrase } from './messages';
export { pathToTarget, WORK_LIMIT } from './path';
export { bandOf, manualEntries, projectUnit, scoreWith, toKpiValue } from './project';
export { indexOf, MAX_LEVELS, MAX_NEW_RECORDS, minPointsFor } from './reach';
export type {
  Action,
  AreaProjection,
  CriterionProjection,
  CriterionStatus,
  KpiReading,
  Level,
  Message,
  PathOptions,
  PathStep,
  PathToTarget,
  ProjectedScore,
  Projection,
  ProjectionError,
  ProjectionInput,
  ReachMode,
  Target,
} from './types';
