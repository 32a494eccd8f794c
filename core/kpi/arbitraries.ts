// fast-check arbitraries for random registers, including every edge case of SPEC §5, for
// property tests here and for the server's test comparing its SQL aggregates with the
// reference functions. Kept out of ./index so browser bundles never pull in fast-check.
export {
  CHANNEL_SPELLINGS,
  dossierArb,
  dossierEdgeCasesArb,
  dossiersArb,
  feedbackArb,
} from './arbitraries/dossiers';
export { bounds, momentArb, momentNotBeforeArb, periodArb } from './arbitraries/moments';
export { DEFAULT_MAX_LENGTH, type RegisterOptions } from './arbitraries/options';
export {
  documentStatsArb,
  type OfficialsRegister,
  officialsArb,
  planTasksArb,
  proceduresArb,
  registersArb,
  reportsArb,
  scenarioArb,
} from './arbitraries/registers';
export {
  TRACKED_EDGE_CASE_NAMES,
  TRACKED_EDGE_CASES,
  type TrackedEdgeCase,
  type TrackedEdgeCaseName,
  trackedArb,
  trackedMixArb,
} from './arbitraries/tracked';
