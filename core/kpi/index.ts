export {
  type CountKpiKey,
  isKpiKey,
  KPI_CATALOGUE,
  KPI_KEYS,
  type KpiDefinition,
  type KpiKey,
  type KpiKind,
  type KpiRegisterOf,
  type KpiSource,
  kpiDefinition,
  kpiRegister,
  type RateKpiKey,
  type RegisterKpiKey,
} from './catalogue';
export { COUNT_BASIS, hasKpiData } from './data';
export { documentsElectronicRate, documentsSignedRate } from './documents';
export {
  dossiersLate,
  dossiersOnlineRate,
  dossiersOnTimeRate,
  dossiersReceived,
  dossierTimeliness,
  lateDossiersWithoutApology,
  trackedDossier,
} from './dossiers';
export {
  computeKpi,
  computeKpis,
  evaluateKpi,
  evaluateKpiIn,
  isRegisterKpiKey,
  type KpiRecord,
  REGISTER_KPI_KEYS,
  type RecordsPart,
  recordsBehind,
} from './evaluate';
export { type KpiEvaluation, shortfallOf } from './evaluation';
export { feedbackOnTimeRate, feedbackTimeliness, trackedFeedback } from './feedback';
export { hasOfficialEmailInUse, isInPostAt, officialsDisciplined, officialsWithEmailRate } from './officials';
export { isTaskDoneOnTime, PLAN_KPI_KINDS, type PlanKpiKey, planTasksDoneRate } from './plan';
export { isInForceAt, proceduresPublishedRate } from './procedures';
export {
  CHANNELS,
  type Channel,
  channelOf,
  DISCIPLINE_FORMS,
  type DisciplineDecision,
  type DisciplineForm,
  type DocumentStat,
  type Dossier,
  disciplineFormOf,
  disciplineSeverity,
  type Feedback,
  type Official,
  PLAN_TASK_KINDS,
  type PlanTask,
  type PlanTaskKind,
  type Procedure,
  type RegisterKey,
  type RegisterRecords,
  type Registers,
  type Report,
} from './records';
export { reportsOnTimeRate, reportTimeliness } from './reports';
export {
  type CountResult,
  countResult,
  formatPercent,
  isRateResult,
  type KpiResult,
  type KpiTarget,
  meetsTarget,
  type RateResult,
  rateResult,
  recordsToReachTarget,
  roundedPercent,
} from './result';
export {
  handledTimeliness,
  isHandledIn,
  type Timeliness,
  type TrackedItem,
  timelinessAtEnd,
} from './timeliness';
